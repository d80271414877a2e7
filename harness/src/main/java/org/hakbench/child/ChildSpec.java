package org.hakbench.child;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hakbench.results.Json;

/**
 * Everything that defines one child JVM run.
 *
 * @param modeClass      fully-qualified {@link ChildMode} class the child runs
 * @param configJson     the mode's configuration as JSON (one command-line argument)
 * @param environment    variables to set in the child (e.g. HAKMEM_PROFILE); inherited HAKMEM_* are removed unless set here
 * @param preloadLibrary library for LD_PRELOAD, or null for none (an inherited LD_PRELOAD is always removed)
 * @param jvmOptions     JVM options; {@link ChildLauncher#DEFAULT_JVM_OPTIONS} unless a caller has a reason
 * @param commandPrefix  a wrapper run before java, e.g. strace; empty for none
 * @param timeout        wall-clock limit; the child (and its descendants) are killed after it
 */
public record ChildSpec(String modeClass, String configJson, Map<String, String> environment, Path preloadLibrary,
                        List<String> jvmOptions, List<String> commandPrefix, Duration timeout) {

    public ChildSpec {
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        jvmOptions = List.copyOf(jvmOptions);
        commandPrefix = List.copyOf(commandPrefix);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout=" + timeout + ": must be positive");
        }
    }

    /** A child running {@code mode} with {@code config}, default JVM options, no preload, no prefix. */
    public static <C> ChildSpec of(Class<? extends ChildMode<C, ?>> mode, C config, Duration timeout) {
        return new ChildSpec(mode.getName(), Json.line(config), Map.of(), null,
                ChildLauncher.DEFAULT_JVM_OPTIONS, List.of(), timeout);
    }

    public ChildSpec withEnvironment(Map<String, String> env) {
        return new ChildSpec(modeClass, configJson, env, preloadLibrary, jvmOptions, commandPrefix, timeout);
    }

    public ChildSpec withPreload(Path library) {
        return new ChildSpec(modeClass, configJson, environment, library, jvmOptions, commandPrefix, timeout);
    }

    public ChildSpec withCommandPrefix(List<String> prefix) {
        return new ChildSpec(modeClass, configJson, environment, preloadLibrary, jvmOptions, prefix, timeout);
    }

    public ChildSpec withJvmOptions(List<String> options) {
        return new ChildSpec(modeClass, configJson, environment, preloadLibrary, options, commandPrefix, timeout);
    }

    public ChildSpec withMode(String otherModeClass) {
        return new ChildSpec(otherModeClass, configJson, environment, preloadLibrary, jvmOptions, commandPrefix, timeout);
    }
}
