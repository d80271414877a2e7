package org.hakbench.workload;

import java.util.ArrayList;
import java.util.List;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;

/** Test adapter: hands out distinct 1 KiB blocks of a real region and records every call. */
final class RecordingAdapter implements AllocatorAdapter {
    private static final int BLOCKS = 64;
    private final long base = NativeMemory.allocateTouched((long) BLOCKS * 1024);
    private final boolean[] used = new boolean[BLOCKS];
    final List<String> events = new ArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public long malloc(long byteSize) {
        for (int b = 0; b < BLOCKS; b++) {
            if (!used[b]) {
                used[b] = true;
                events.add("malloc " + byteSize);
                return base + b * 1024L;
            }
        }
        throw new IllegalStateException("recording adapter full");
    }

    @Override
    public void free(long address) {
        int b = (int) ((address - base) / 1024);
        if (b < 0 || b >= BLOCKS || !used[b] || address != base + b * 1024L) {
            throw new IllegalArgumentException("bad free 0x" + Long.toHexString(address));
        }
        used[b] = false;
        events.add("free block" + b);
    }

    byte byteAt(long offset) {
        return NativeMemory.getByte(base + offset);
    }

    @Override
    public boolean threadSafe() {
        return false;
    }

    @Override
    public String implementation() {
        return "test recorder";
    }
}
