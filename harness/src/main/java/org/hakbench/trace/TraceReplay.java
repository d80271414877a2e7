package org.hakbench.trace;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;

/**
 * One pass of a trace against an allocator, operation by operation: each block is touched as the
 * program would at least touch it (its first and last byte written); a realloc is replayed as
 * malloc, copy of the bytes both sizes hold, free (the adapters have no realloc). Blocks still live
 * at the end of the trace (the program never freed them) are freed by {@link #freeLive}, outside the
 * timed operations.
 */
public final class TraceReplay {
    private final byte[] kinds;
    private final int[] slots;
    private final int[] newSlots;
    private final long[] sizes;
    private final long[] addresses;
    private final long[] liveSizes;

    public TraceReplay(MallocTrace trace) {
        this.kinds = trace.kinds();
        this.slots = trace.slots();
        this.newSlots = trace.newSlots();
        this.sizes = trace.sizes();
        this.addresses = new long[trace.slotCount()];
        this.liveSizes = new long[trace.slotCount()];
    }

    /** Replays every operation once; returns how many it did. */
    public long pass(AllocatorAdapter allocator) {
        return replay(allocator, 0, kinds.length);
    }

    /** Replays operations [from, to); returns how many. */
    public long replay(AllocatorAdapter allocator, int from, int to) {
        final AllocatorAdapter a = allocator;
        final byte[] k = kinds;
        final int[] s = slots;
        final long[] z = sizes;
        final long[] addr = addresses;
        final long[] live = liveSizes;
        for (int i = from; i < to; i++) {
            switch (k[i]) {
                case MallocTrace.MALLOC -> {
                    addr[s[i]] = touched(a, z[i]);
                    live[s[i]] = z[i];
                }
                case MallocTrace.FREE -> {
                    a.free(addr[s[i]]);
                    addr[s[i]] = 0;
                }
                default -> {
                    final int oldSlot = s[i];
                    final int newSlot = newSlots[i];
                    final long moved = touched(a, z[i]);
                    final long keep = Math.min(live[oldSlot], z[i]);
                    if (keep > 0) {
                        NativeMemory.copy(addr[oldSlot], moved, keep);
                    }
                    a.free(addr[oldSlot]);
                    addr[oldSlot] = 0;
                    addr[newSlot] = moved;
                    live[newSlot] = z[i];
                }
            }
        }
        return to - from;
    }

    /** Frees what the trace left live; returns how many blocks. */
    public int freeLive(AllocatorAdapter allocator) {
        int n = 0;
        for (int i = 0; i < addresses.length; i++) {
            if (addresses[i] != 0) {
                allocator.free(addresses[i]);
                addresses[i] = 0;
                n++;
            }
        }
        return n;
    }

    /** The live blocks' addresses by slot (0 where none), for tests. */
    long[] addresses() {
        return addresses.clone();
    }

    private static long touched(AllocatorAdapter a, long size) {
        long p = a.malloc(size);
        if (p == 0 && size > 0) {
            throw new IllegalStateException("malloc(" + size + ") returned 0 during replay");
        }
        if (size > 0) {
            NativeMemory.putByte(p, (byte) size);
            NativeMemory.putByte(p + size - 1, (byte) size);
        }
        return p;
    }
}
