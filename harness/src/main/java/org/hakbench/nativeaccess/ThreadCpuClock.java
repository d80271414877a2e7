package org.hakbench.nativeaccess;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * CPU time of the calling thread ({@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)}), in nanoseconds.
 * On a shared machine wall time includes the time the thread waited for a core; CPU time does not,
 * so "ops per CPU second" is the steadier figure when other processes compete. Cheaper at start-up
 * than the management beans.
 */
@SuppressWarnings("restricted")   // this package is where the harness is allowed restricted FFM calls
public final class ThreadCpuClock {

    private static final int CLOCK_THREAD_CPUTIME_ID = 3;   // Linux, <time.h>
    private static final MethodHandle CLOCK_GETTIME = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("clock_gettime").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

    private ThreadCpuClock() {
    }

    /** CPU nanoseconds this thread has used; -1 when the clock is unavailable. */
    public static long nanos() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timespec = arena.allocate(16, 8);   // struct timespec { long tv_sec; long tv_nsec; }
            int rc = (int) CLOCK_GETTIME.invokeExact(CLOCK_THREAD_CPUTIME_ID, timespec);
            if (rc != 0) {
                return -1;
            }
            return timespec.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + timespec.get(ValueLayout.JAVA_LONG, 8);
        } catch (Throwable t) {
            throw new IllegalStateException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed", t);
        }
    }
}
