package org.hakbench.adapters;

/** How an allocator under test is reached from the Java loop. */
public enum AllocatorKind {
    /** hakmem, in the child JVM's own heap of classes: static calls, no native transition. */
    EMBEDDED_HAKMEM,
    /** C {@code malloc}/{@code free} by FFM downcall: glibc, or a competitor swapped in with LD_PRELOAD. */
    C_MALLOC,
    /** Netty's PooledByteBufAllocator direct buffers: the Java peer. */
    NETTY_POOLED,
    /** The loop's own cost: a bump pointer in a pre-touched region, free does nothing (WORKLOAD.md). */
    NULL,
    /**
     * The C twin of the loop (bench_random_mixed.c) as its own process, the competitor preloaded as a C
     * program would have it: no JVM, no downcall. Rebase only; its null row is {@code native:null}.
     */
    NATIVE_TWIN
}
