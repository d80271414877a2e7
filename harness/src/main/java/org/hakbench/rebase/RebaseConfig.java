package org.hakbench.rebase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The effective settings of one {@code hakbench rebase}, bound from the command line.
 *
 * @param runs          timed runs per allocator (each its own child JVM)
 * @param iters         timed iterations per run
 * @param ws            working set (slots)
 * @param seed          PRNG seed
 * @param warmupIters   untimed warm-up iterations per run
 * @param allocators    allocators named with --allocators; empty = every available one
 * @param profile       hakmem profile (HAKMEM_PROFILE of hakmem children), null = the allocator's default
 * @param reference     allocator that ratios are relative to; null = mimalloc if measured, else glibc
 * @param resultsDir    where rebase-*.json and .md are written
 * @param jsonToStdout  print the JSON document on stdout (console output goes to stderr then)
 * @param timeout       wall-clock limit per child
 * @param hakmemEnv     extra HAKMEM_* variables for hakmem children (inherited ones are never passed)
 * @param countSyscalls make one untimed strace counting run per non-hakmem allocator when strace exists
 */
public record RebaseConfig(int runs, long iters, int ws, long seed, long warmupIters, List<String> allocators,
                           String profile, String reference, Path resultsDir, boolean jsonToStdout, Duration timeout,
                           Map<String, String> hakmemEnv, boolean countSyscalls) {

    public RebaseConfig {
        allocators = List.copyOf(allocators);
        hakmemEnv = Map.copyOf(hakmemEnv);
    }
}
