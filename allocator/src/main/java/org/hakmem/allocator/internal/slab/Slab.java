package org.hakmem.allocator.internal.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.hakmem.allocator.internal.os.NativeMemory;

/**
 * One or more contiguous 64 KiB units of a superslab, cut into blocks of one bin.
 *
 * <p>Free blocks are a bitmap ({@code freeBits}), touched only by the {@link #owner} (its thread,
 * or under its lock), so the local paths need no atomics and never read block memory to find
 *  free blocks. Frees from other threads go onto the remote head, a lock-free stack threaded
 * through the blocks' first 8 bytes: a push is one CAS, and the owner takes the whole stack with
 * one getAndSet when its own free blocks run out (mimalloc's thread-free list).
 *
 * <p>A block counts as used from the moment it leaves the bitmap until the owner puts it back, so a
 * block waiting on the remote stack keeps the slab non-empty: an empty slab has no block that any
 * thread could still be freeing, and can be released without a race.
 */
public final class Slab extends SlabFields.PadC {
    /**
     * Where a block that is back in its slab (in the bitmap or on the remote stack) keeps the
     * instance's free key (secret xor address), bytes 8..15; bytes 0..7 hold the remote-free link.
     * Blocks in use or in a thread cache carry no key, so the fast paths never write block memory.
     * Every block is at least 16 bytes.
     */
    public static final int KEY_OFFSET = 8;
    private static final VarHandle REMOTE_HEAD;
    private static final VarHandle SIGNALLED;
    private static final VarHandle OWNER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(SlabFields.RemoteWritten.class, MethodHandles.lookup());
            REMOTE_HEAD = lookup.findVarHandle(SlabFields.RemoteWritten.class, "remoteHead", long.class);
            SIGNALLED = lookup.findVarHandle(SlabFields.RemoteWritten.class, "signalled", int.class);
            OWNER = MethodHandles.privateLookupIn(SlabFields.ReadMostly.class, MethodHandles.lookup())
                    .findVarHandle(SlabFields.ReadMostly.class, "owner", SlabOwner.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Slab(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
        super(superslab, firstUnit, unitCount, bin, blockBytes, owner);
    }

    public long byteSize() {
        return (long) unitCount << SuperSlab.UNIT_SHIFT;
    }

    /** Index of the block that starts exactly at address, or -1 for an interior or out-of-range address. */
    public int blockIndex(long address) {
        long offset = address - base;
        if (Long.compareUnsigned(offset, spanBytes) >= 0) {
            return -1;
        }
        int index = (int) ((offset * magic) >>> SlabFields.MAGIC_SHIFT);
        return (long) index * blockBytes == offset ? index : -1;
    }

    public long blockAddress(int index) {
        return base + (long) index * blockBytes;
    }

    public boolean isFree(int index) {
        return (freeBits[index >>> 6] & (1L << index)) != 0;
    }

    public boolean isEmpty() {
        return freeCount == blockCount;
    }

    /** Owner only: returns block index to the free set. */
    public void putFree(int index) {
        freeBits[index >>> 6] |= 1L << index;
        freeCount++;
    }

    /**
     * Owner only: moves up to max free blocks out of the bitmap into out[from..], lowest addresses
     * first (they share pages and cache lines). Returns how many were taken.
     */
    public int take(long[] out, int from, int max) {
        final long[] bits = freeBits;
        final long base = this.base;
        final int blockBytes = this.blockBytes;
        int taken = 0;
        for (int w = 0; w < bits.length && taken < max; w++) {
            long word = bits[w];
            while (word != 0 && taken < max) {
                int bit = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                out[from + taken++] = base + (long) ((w << 6) + bit) * blockBytes;
            }
            bits[w] = word;
        }
        freeCount -= taken;
        if (taken > 0) {
            raiseCarved(blockIndex(out[from + taken - 1]) + 1);
        }
        return taken;
    }

    /** Owner only: takes the lowest free block out of the bitmap; 0 if there is none. */
    public long takeOne() {
        final long[] bits = freeBits;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            if (word != 0) {
                bits[w] = word & (word - 1);
                freeCount--;
                int index = (w << 6) + Long.numberOfTrailingZeros(word);
                raiseCarved(index + 1);
                return base + (long) index * blockBytes;
            }
        }
        return 0;
    }

    /** Writes the mark only when it grows: once every block was out it is never written again. */
    private void raiseCarved(int mark) {
        if (mark > carved) {
            carved = mark;
        }
    }

    /**
     * Pushes a block freed by a thread that does not own this slab: one CAS, no lock. Returns true
     * for the first push since the owner last looked: the caller then tells the owner (one more
     * CAS, once per batch of remote frees), so an owner never searches its slabs for remote frees.
     */
    public boolean pushRemote(long address) {
        long head;
        do {
            head = (long) REMOTE_HEAD.getVolatile(this);
            NativeMemory.putLong(address, head);
        } while (!REMOTE_HEAD.compareAndSet(this, head, address));
        return (int) SIGNALLED.getVolatile(this) == 0 && SIGNALLED.compareAndSet(this, 0, 1);
    }

    /**
     * Owner only, before draining: later remote frees will signal again. The owner must have read
     * {@link #nextSignalled} before this: once cleared, a signalling thread may rewrite that link.
     */
    public void clearSignal() {
        SIGNALLED.setVolatile(this, 0);
    }

    public boolean hasRemote() {
        return (long) REMOTE_HEAD.getAcquire(this) != 0;
    }

    /**
     * Owner only: takes every remotely freed block back into the free set. Returns the number of
     * duplicates found (a block pushed twice by racing double frees): the walk stops there, so a
     * corrupted stack can cost blocks but never loop or hand a block out twice.
     */
    public int drainRemote() {
        long address = (long) REMOTE_HEAD.getAndSet(this, 0L);
        int steps = 0;
        while (address != 0) {
            int index = blockIndex(address);
            if (index < 0 || isFree(index) || ++steps > blockCount) {
                return 1;
            }
            long next = NativeMemory.getLong(address);
            putFree(index);
            address = next;
        }
        return 0;
    }

    public SlabOwner ownerAcquire() {
        return (SlabOwner) OWNER.getAcquire(this);
    }

    public void setOwnerRelease(SlabOwner newOwner) {
        OWNER.setRelease(this, newOwner);
    }

    long metadataBytes() {
        return 288L + 16L + 8L * freeBits.length;   // the padded object and its bitmap
    }
}
