package org.hakmem.allocator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The effective configuration of one allocator instance, immutable.
 *
 * <p>Built from, highest precedence first: {@code HAKMEM_*} environment variables, then the
 * defaults of the profile named by {@code HAKMEM_PROFILE} (a profile only fills in what the
 * environment left unset, like the seeds' {@code bench_setenv_default}), then built-in defaults
 * (speed-first). Every knob is reversible: setting a variable back to its default restores the
 * default behaviour. A bad value or an unknown profile is an {@link IllegalArgumentException}
 * naming the variable, never a silent default.
 *
 * @param profile           HAKMEM_PROFILE, a file name in {@code profiles/} without extension
 * @param lean              HAKMEM_SS_MEM_LEAN: 1 releases empty superslabs and skips prewarm; 0 (FAST) keeps them
 * @param leanDecommit      HAKMEM_SS_MEM_LEAN_DECOMMIT: what LEAN does to the superslabs it keeps
 * @param leanTargetMiB     HAKMEM_SS_MEM_LEAN_TARGET_MB: LEAN unmaps empty superslabs while more than this is mapped
 * @param leanDelayMillis   HAKMEM_SS_MEM_LEAN_DELAY_MS: how long LEAN lets an empty superslab wait (reusable
 *                          at no cost) before unmapping or decommitting it
 * @param tinyProfile       HAKMEM_TINY_PROFILE: the route table's profile
 * @param osStats           HAKMEM_SS_OS_STATS: print the [SS_OS_STATS] line at exit (default instance)
 * @param prewarmSuperslabs HAKMEM_SS_PREWARM: superslabs mapped and pre-faulted at start in FAST mode
 * @param checked           HAKMEM_CHECKED: every tiny request through the locked pool, exact double-free
 *                          checks and poisoned free blocks verified on reuse
 * @param tinyCacheBlocks   HAKMEM_TINY_CACHE_BLOCKS: at most this many blocks per bin in a thread cache
 */
public record AllocatorConfig(String profile, boolean lean, Decommit leanDecommit, long leanTargetMiB,
                              long leanDelayMillis, TinyProfile tinyProfile, boolean osStats, int prewarmSuperslabs, boolean checked,
                              int tinyCacheBlocks) {

    public static final String DEFAULT_PROFILE = "MIXED_TINYV3_C7_SAFE";
    /** Where a user's own profile files may live, searched before the built-in ones. */
    public static final String PROFILE_DIR_VARIABLE = "HAKMEM_PROFILE_DIR";
    public static final int MAX_TINY_CACHE_BLOCKS = 64;

    /** What LEAN mode does with the empty superslabs it keeps below its target. */
    public enum Decommit {
        /** Nothing: kept pages stay resident, reuse costs no fault. */
        OFF,
        /** madvise(MADV_FREE): the kernel may reclaim lazily; reuse is cheap if it did not. */
        FREE,
        /** madvise(MADV_DONTNEED): pages go back at once; reuse faults in zero pages. */
        DONTNEED
    }

    /** The seeds' tiny route profiles (tiny_route_box). */
    public enum TinyProfile {
        /** C0-C3 TINY_ONLY, C4-C6 TINY_FIRST, C7 POOL_ONLY. */
        HOT,
        /** Every class TINY_FIRST (the default). */
        CONSERVATIVE,
        /** Every class POOL_ONLY: the tiny front is off. */
        OFF,
        /** Every class TINY_ONLY (micro-benchmark mode). */
        FULL
    }

    /** Every knob: variable name, built-in default, parser into the record's type. */
    private static final Map<String, Knob> KNOBS = new LinkedHashMap<>();

    static {
        knob("HAKMEM_SS_MEM_LEAN", "0", AllocatorConfig::parseFlag);
        knob("HAKMEM_SS_MEM_LEAN_DECOMMIT", "FREE", v -> parseEnum(Decommit.class, v));
        knob("HAKMEM_SS_MEM_LEAN_TARGET_MB", "0", v -> parseLong(v, 0, 1L << 30));
        knob("HAKMEM_SS_MEM_LEAN_DELAY_MS", "10", v -> parseLong(v, 0, 60_000));
        knob("HAKMEM_TINY_PROFILE", "conservative", v -> parseEnum(TinyProfile.class, v));
        knob("HAKMEM_SS_OS_STATS", "0", AllocatorConfig::parseFlag);
        knob("HAKMEM_SS_PREWARM", "1", v -> (int) parseLong(v, 0, 64));
        knob("HAKMEM_CHECKED", "0", AllocatorConfig::parseFlag);
        knob("HAKMEM_TINY_CACHE_BLOCKS", "64", v -> (int) parseLong(v, 0, MAX_TINY_CACHE_BLOCKS));
    }

    private record Knob(String defaultValue, Function<String, Object> parser) {
    }

    private static void knob(String name, String defaultValue, Function<String, Object> parser) {
        KNOBS.put(name, new Knob(defaultValue, parser));
    }

    public AllocatorConfig {
        checkProfileName(profile);
        if (leanDecommit == null || tinyProfile == null) {
            throw new IllegalArgumentException("leanDecommit and tinyProfile must not be null");
        }
        if (leanTargetMiB < 0) {
            throw new IllegalArgumentException("leanTargetMiB=" + leanTargetMiB + ": must be >= 0");
        }
        if (leanDelayMillis < 0) {
            throw new IllegalArgumentException("leanDelayMillis=" + leanDelayMillis + ": must be >= 0");
        }
        if (prewarmSuperslabs < 0 || prewarmSuperslabs > 64) {
            throw new IllegalArgumentException("prewarmSuperslabs=" + prewarmSuperslabs + ": must be in 0..64");
        }
        if (tinyCacheBlocks < 0 || tinyCacheBlocks > MAX_TINY_CACHE_BLOCKS) {
            throw new IllegalArgumentException("tinyCacheBlocks=" + tinyCacheBlocks + ": must be in 0.." + MAX_TINY_CACHE_BLOCKS);
        }
    }

    /** The built-in defaults: speed-first, as MIXED_TINYV3_C7_SAFE. */
    public static AllocatorConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /** The configuration of this process: System.getenv(). */
    public static AllocatorConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Environment over profile over built-in defaults; env is a map of variable -> value. */
    public static AllocatorConfig fromEnvironment(Map<String, String> env) {
        String profile = env.getOrDefault("HAKMEM_PROFILE", DEFAULT_PROFILE).trim();
        checkProfileName(profile);
        Map<String, String> profileValues = loadProfile(profile, env.get(PROFILE_DIR_VARIABLE));
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Knob> e : KNOBS.entrySet()) {
            String name = e.getKey();
            String raw = env.get(name);
            String source = "environment";
            if (raw == null) {
                raw = profileValues.get(name);
                source = "profile " + profile;
            }
            if (raw == null) {
                raw = e.getValue().defaultValue();
                source = "default";
            }
            try {
                values.put(name, e.getValue().parser().apply(raw.trim()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(name + "=" + raw + " (from " + source + "): " + ex.getMessage(), ex);
            }
        }
        return new AllocatorConfig(profile,
                (Boolean) values.get("HAKMEM_SS_MEM_LEAN"),
                (Decommit) values.get("HAKMEM_SS_MEM_LEAN_DECOMMIT"),
                (Long) values.get("HAKMEM_SS_MEM_LEAN_TARGET_MB"),
                (Long) values.get("HAKMEM_SS_MEM_LEAN_DELAY_MS"),
                (TinyProfile) values.get("HAKMEM_TINY_PROFILE"),
                (Boolean) values.get("HAKMEM_SS_OS_STATS"),
                (Integer) values.get("HAKMEM_SS_PREWARM"),
                (Boolean) values.get("HAKMEM_CHECKED"),
                (Integer) values.get("HAKMEM_TINY_CACHE_BLOCKS"));
    }

    /** The same configuration with one variable changed, validated like the environment. */
    public AllocatorConfig with(String variable, String value) {
        SortedMap<String, String> env = effective();
        if (!env.containsKey(variable)) {
            throw new IllegalArgumentException(variable + ": unknown hakmem variable (known: " + env.keySet() + ")");
        }
        env.put(variable, value);
        return fromEnvironment(env);
    }

    /** Every knob with its effective value, by variable name: what a result records to be reproducible. */
    public SortedMap<String, String> effective() {
        SortedMap<String, String> m = new TreeMap<>();
        m.put("HAKMEM_PROFILE", profile);
        m.put("HAKMEM_SS_MEM_LEAN", lean ? "1" : "0");
        m.put("HAKMEM_SS_MEM_LEAN_DECOMMIT", leanDecommit.name());
        m.put("HAKMEM_SS_MEM_LEAN_TARGET_MB", Long.toString(leanTargetMiB));
        m.put("HAKMEM_SS_MEM_LEAN_DELAY_MS", Long.toString(leanDelayMillis));
        m.put("HAKMEM_TINY_PROFILE", tinyProfile.name().toLowerCase(Locale.ROOT));
        m.put("HAKMEM_SS_OS_STATS", osStats ? "1" : "0");
        m.put("HAKMEM_SS_PREWARM", Integer.toString(prewarmSuperslabs));
        m.put("HAKMEM_CHECKED", checked ? "1" : "0");
        m.put("HAKMEM_TINY_CACHE_BLOCKS", Integer.toString(tinyCacheBlocks));
        return m;
    }

    /** Names of the profiles shipped with the allocator. */
    public static List<String> builtInProfiles() {
        return List.of("MIXED_TINYV3_C7_SAFE", "MIXED_TINYV3_C7_BALANCED");
    }

    private static Map<String, String> loadProfile(String profile, String profileDir) {
        Properties p = new Properties();
        String origin;
        try {
            Path file = profileDir == null ? null : Path.of(profileDir, profile + ".properties");
            if (file != null && Files.isRegularFile(file)) {
                origin = file.toString();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            } else {
                origin = "built-in profile " + profile;
                try (InputStream in = AllocatorConfig.class.getResourceAsStream("profiles/" + profile + ".properties")) {
                    if (in == null) {
                        throw new IllegalArgumentException("HAKMEM_PROFILE=" + profile + ": unknown profile (built-in: "
                                + String.join(", ", builtInProfiles())
                                + (profileDir == null ? "" : "; none in " + PROFILE_DIR_VARIABLE + "=" + profileDir) + ")");
                    }
                    p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("HAKMEM_PROFILE=" + profile + ": cannot read profile: " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!KNOBS.containsKey(key)) {
                throw new IllegalArgumentException("HAKMEM_PROFILE=" + profile + ": " + origin + " sets unknown variable "
                        + key + " (known: " + KNOBS.keySet() + ")");
            }
            values.put(key, p.getProperty(key));
        }
        return values;
    }

    private static void checkProfileName(String profile) {
        if (profile == null || !profile.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("HAKMEM_PROFILE=" + profile + ": not a profile name");
        }
    }

    private static Object parseFlag(String v) {
        return switch (v) {
            case "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected 0 or 1");
        };
    }

    private static long parseLong(String v, long min, long max) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be in " + min + ".." + max);
        }
        return n;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String v) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                known.append(known.isEmpty() ? "" : "|").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("expected one of " + known);
        }
    }
}
