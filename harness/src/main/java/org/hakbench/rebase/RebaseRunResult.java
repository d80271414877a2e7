package org.hakbench.rebase;

import java.util.Map;

import org.hakbench.results.OsCallCounts;

/**
 * What one rebase child measured.
 *
 * @param allocator        registry name
 * @param implementation   what answered the calls (e.g. the library file malloc resolved to)
 * @param effectiveConfig  the allocator's effective configuration (hakmem: every HAKMEM_* knob)
 * @param iters            timed iterations
 * @param warmupIters      untimed iterations run before
 * @param warmupNanos      time of the warm-up
 * @param elapsedNanos     time of the timed loop
 * @param opsPerSec        iters / elapsed seconds
 * @param loopCpuNanos     CPU time the loop thread used in the timed loop (excludes time waiting for a core)
 * @param opsPerCpuSec     iters / loop CPU seconds: the steadier figure on a shared machine
 * @param mallocCalls      mallocs in the timed loop
 * @param freeCalls        frees in the timed loop (the final free-all is not counted or timed)
 * @param rssBeforeLoopKiB VmRSS just before the timed loop (JVM + allocator after warm-up)
 * @param peakRssKiB       VmHWM right after the timed loop: peak RSS of the whole child process
 * @param osCalls          OS calls during the timed loop, from the allocator's own counters, or unknown
 * @param jvmUptimeAtLoopMillis JVM uptime when the timed loop started (start-up + warm-up), wall clock
 * @param processCpuAtLoopMillis CPU time of the whole child (all threads: JIT, GC, ...) when the timed loop
 *                         started: the start-up + warm-up cost without the time spent waiting for a core
 */
public record RebaseRunResult(String allocator, String implementation, Map<String, String> effectiveConfig,
                              long iters, long warmupIters, long warmupNanos, long elapsedNanos, double opsPerSec,
                              long loopCpuNanos, double opsPerCpuSec,
                              long mallocCalls, long freeCalls, long rssBeforeLoopKiB, long peakRssKiB,
                              OsCallCounts osCalls, long jvmUptimeAtLoopMillis,
                              long processCpuAtLoopMillis) {
}
