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
 * @param nativeCommand  a native program (the C twin) run instead of a JVM, with its arguments; empty for
 *                       a child JVM. Environment, preload, prefix and timeout apply alike; it prints the
 *                       same one JSON result line.
 */
public record ChildSpec(String modeClass, String configJson, Map<String, String> environment, Path preloadLibrary,
                        List<String> jvmOptions, List<String> commandPrefix, Duration timeout, List<String> nativeCommand) {

    public ChildSpec {
        nativeCommand = List.copyOf(nativeCommand);
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
                ChildLauncher.DEFAULT_JVM_OPTIONS, List.of(), timeout, List.of());
    }

    /** A native program printing one JSON result line (the C twin), with no preload, no prefix. */
    public static ChildSpec ofNative(String label, List<String> command, Duration timeout) {
        return new ChildSpec(label, "{}", Map.of(), null, List.of(), List.of(), timeout, command);
    }

    public ChildSpec withEnvironment(Map<String, String> env) {
        return new ChildSpec(modeClass, configJson, env, preloadLibrary, jvmOptions, commandPrefix, timeout, nativeCommand);
    }

    public ChildSpec withPreload(Path library) {
        return new ChildSpec(modeClass, configJson, environment, library, jvmOptions, commandPrefix, timeout, nativeCommand);
    }

    public ChildSpec withCommandPrefix(List<String> prefix) {
        return new ChildSpec(modeClass, configJson, environment, preloadLibrary, jvmOptions, prefix, timeout, nativeCommand);
    }

    public ChildSpec withJvmOptions(List<String> options) {
        return new ChildSpec(modeClass, configJson, environment, preloadLibrary, options, commandPrefix, timeout, nativeCommand);
    }

    public ChildSpec withMode(String otherModeClass) {
        return new ChildSpec(otherModeClass, configJson, environment, preloadLibrary, jvmOptions, commandPrefix, timeout, nativeCommand);
    }
}
