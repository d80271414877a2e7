package org.hakbench.rebase;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

import org.hakmem.allocator.AllocatorConfig;

/** Checks --profile and --env before any child starts, with the allocator's own parser (rebase, soak, ab and scale). */
public final class ProfileCheck {

    private ProfileCheck() {
    }

    /**
     * Validates the hakmem configuration the children will see; returns its effective knobs.
     * Unknown profile / variable or a bad value -> IllegalArgumentException naming the option.
     */
    public static SortedMap<String, String> check(String profile, Map<String, String> hakmemEnv) {
        if (profile != null && !AllocatorConfig.builtInProfiles().contains(profile)) {
            throw new IllegalArgumentException("--profile=" + profile + ": unknown profile; known: "
                    + String.join(", ", AllocatorConfig.builtInProfiles()));
        }
        SortedMap<String, String> known = AllocatorConfig.defaults().effective();
        for (String name : hakmemEnv.keySet()) {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException("--env " + name + ": unknown hakmem variable; known: " + known.keySet());
            }
        }
        Map<String, String> env = new HashMap<>(hakmemEnv);
        if (profile != null) {
            env.put("HAKMEM_PROFILE", profile);
        }
        try {
            return AllocatorConfig.fromEnvironment(env).effective();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((profile == null ? "--env" : "--profile/--env") + ": " + e.getMessage(), e);
        }
    }
}
