package org.hakbench.workload;

/**
 * What a multi-threaded workload needs from an allocator under test: malloc and free callable from any
 * thread, including freeing on one thread a block another thread allocated.
 */
public interface BlockAllocator {
    /** A block of at least byteSize bytes, or 0 when memory is exhausted. */
    long malloc(long byteSize);

    /** Frees a block from {@link #malloc}; 0 is a no-op. */
    void free(long address);

    /** Whether blocks are real and disjoint, so content verification means something. */
    boolean verifiable();
}
