package org.hakmem.allocator.internal.os;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tests only: makes the next mmap or munmap calls of every {@link OsLayer} fail with a chosen errno,
 * without calling the kernel, so the allocator's ENOMEM and other-error paths can be driven. The OS
 * layer reads one volatile-free counter per mmap/munmap (slow paths; the malloc/free fast paths never
 * reach the OS layer), so it costs nothing where it matters.
 */
public final class FaultInjection {
    private static final AtomicInteger MMAP_FAILURES = new AtomicInteger();
    private static final AtomicInteger MUNMAP_FAILURES = new AtomicInteger();
    private static volatile int mmapErrno;
    private static volatile int munmapErrno;

    private FaultInjection() {
    }

    /** The next {@code count} mmap calls fail with {@code errno} (e.g. {@link OsLayer#ENOMEM}). */
    public static void failNextMmaps(int count, int errno) {
        mmapErrno = errno;
        MMAP_FAILURES.set(count);
    }

    /** The next {@code count} munmap calls fail with {@code errno} (e.g. 22, EINVAL). */
    public static void failNextMunmaps(int count, int errno) {
        munmapErrno = errno;
        MUNMAP_FAILURES.set(count);
    }

    public static void clear() {
        MMAP_FAILURES.set(0);
        MUNMAP_FAILURES.set(0);
    }

    /** The errno to fail this mmap with, or 0 to call the kernel. */
    static int nextMmapFault() {
        return take(MMAP_FAILURES) ? mmapErrno : 0;
    }

    static int nextMunmapFault() {
        return take(MUNMAP_FAILURES) ? munmapErrno : 0;
    }

    private static boolean take(AtomicInteger remaining) {
        // plain read first: the common case (no fault armed) is one load
        return remaining.getPlain() > 0 && remaining.getAndDecrement() > 0;
    }
}
