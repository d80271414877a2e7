package org.hakbench.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One side of {@code hakbench ab}: {@code allocator[:PROFILE][,HAKMEM_X=V...]}, e.g.
 * {@code hakmem:MIXED_TINYV3_C7_SAFE}, {@code hakmem:SAFE,HAKMEM_SS_MEM_LEAN=1}, {@code mimalloc}.
 * A short profile name is the unique profile whose name ends with {@code _NAME}.
 *
 * @param text      the spec as given
 * @param allocator allocator name
 * @param profile   full profile name, or null when none was given
 * @param overrides HAKMEM_* variables set on top of the profile
 */
public record AbSpec(String text, String allocator, String profile, SortedMap<String, String> overrides) {

    public AbSpec {
        overrides = new TreeMap<>(overrides);
    }

    /** The child's HAKMEM_* environment: the profile (if any) and the overrides. */
    public SortedMap<String, String> environment() {
        TreeMap<String, String> env = new TreeMap<>(overrides);
        if (profile != null) {
            env.put("HAKMEM_PROFILE", profile);
        }
        return env;
    }

    /**
     * Parses {@code text}. {@code knownProfiles} are the full profile names; {@code hakmemName} is the
     * allocator that takes profiles and HAKMEM_* overrides. Bad spec -> exception naming the part.
     */
    public static AbSpec parse(String text, Collection<String> knownProfiles, String hakmemName) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("spec is empty; expected allocator[:PROFILE][,HAKMEM_X=V...]");
        }
        String[] parts = text.strip().split(",", -1);
        String head = parts[0].strip();
        int colon = head.indexOf(':');
        String allocator = colon < 0 ? head : head.substring(0, colon);
        String profileText = colon < 0 ? null : head.substring(colon + 1);
        if (allocator.isEmpty()) {
            throw new IllegalArgumentException("spec '" + text + "': no allocator before ':'");
        }
        boolean tunable = allocator.equals(hakmemName);
        String profile = null;
        if (profileText != null) {
            if (!tunable) {
                throw new IllegalArgumentException("spec '" + text + "': allocator " + allocator + " has no profiles; only " + hakmemName + " does");
            }
            profile = resolveProfile(text, profileText, knownProfiles);
        }
        TreeMap<String, String> overrides = new TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            String kv = parts[i].strip();
            int eq = kv.indexOf('=');
            if (eq <= 0 || eq == kv.length() - 1) {
                throw new IllegalArgumentException("spec '" + text + "': '" + kv + "' is not HAKMEM_NAME=VALUE");
            }
            String key = kv.substring(0, eq);
            if (!key.matches("HAKMEM_[A-Z0-9_]+") || key.equals("HAKMEM_PROFILE")) {
                throw new IllegalArgumentException("spec '" + text + "': " + key + " is not a HAKMEM_* override"
                        + (key.equals("HAKMEM_PROFILE") ? " (give the profile after ':')" : ""));
            }
            if (!tunable) {
                throw new IllegalArgumentException("spec '" + text + "': " + key + " only applies to " + hakmemName);
            }
            if (overrides.put(key, kv.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("spec '" + text + "': " + key + " is given twice");
            }
        }
        return new AbSpec(text.strip(), allocator, profile, overrides);
    }

    private static String resolveProfile(String text, String name, Collection<String> knownProfiles) {
        if (knownProfiles.contains(name)) {
            return name;
        }
        List<String> matches = new ArrayList<>();
        for (String p : knownProfiles) {
            if (p.endsWith("_" + name)) {
                matches.add(p);
            }
        }
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        throw new IllegalArgumentException("spec '" + text + "': profile " + name
                + (matches.isEmpty() ? " is unknown" : " is ambiguous (" + String.join(", ", matches) + ")")
                + "; known profiles: " + String.join(", ", knownProfiles.stream().sorted().toList()));
    }
}
