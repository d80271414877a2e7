package org.hakbench.rebase;

/**
 * What one rebase child does (sent to it as JSON).
 *
 * @param allocator      registry name of the allocator
 * @param iters          timed iterations
 * @param ws             working set (slots)
 * @param seed           PRNG seed
 * @param warmupIters    untimed iterations before the timed loop (same loop, same seed, then freed)
 * @param warmupChunkOps the warm-up runs in calls of this many iterations, so the loop method is
 *                       invoked often enough for a normal (not only on-stack-replacement) C2 compile
 * @param markSyscalls   bracket the timed loop with strace markers (counting runs only)
 */
public record RebaseRunSpec(String allocator, long iters, int ws, long seed, long warmupIters, long warmupChunkOps,
                            boolean markSyscalls) {
}
