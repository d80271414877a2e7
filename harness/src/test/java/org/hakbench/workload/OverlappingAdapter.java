package org.hakbench.workload;

import java.util.concurrent.atomic.AtomicLong;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;

/**
 * A broken allocator for verification tests: a bump pointer in a real region that, every
 * {@code period}-th call, hands out the previous block again while it is still live (two owners of
 * one block). free does nothing, so nothing is double-freed; only the content check can notice.
 */
final class OverlappingAdapter implements AllocatorAdapter {
    private static final long REGION_BYTES = 32L << 20;
    private static final long ALIGN = 16;
    private final long base = NativeMemory.allocateTouched(REGION_BYTES);
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong previous = new AtomicLong();
    private final int period;

    OverlappingAdapter(int period) {
        this.period = period;
    }

    @Override
    public String name() {
        return "overlapping";
    }

    @Override
    public long malloc(long byteSize) {
        long last = previous.get();
        if (calls.incrementAndGet() % period == 0 && last != 0) {
            return last;
        }
        long offset = next.getAndAdd((byteSize + ALIGN - 1) / ALIGN * ALIGN);
        if (offset + byteSize > REGION_BYTES) {
            throw new IllegalStateException("overlapping adapter region exhausted");
        }
        previous.set(base + offset);
        return base + offset;
    }

    @Override
    public void free(long address) {
        // Blocks are never reused except by the deliberate overlap.
    }

    @Override
    public boolean threadSafe() {
        return true;
    }

    @Override
    public String implementation() {
        return "test: bump pointer that hands out every " + period + "th block twice";
    }
}
