package org.hakmem.allocator.internal.slab;

/**
 * The fields of a {@link Slab}, grouped by who writes them, each group on cache lines of its own.
 *
 * <p>Every free reads the read-mostly group; the owner rewrites its group on every refill and
 * flush; other threads CAS the signal flag. Were they on one line, each remote free would pull
 * the line from the owner's core and each refill would pull it back (xmalloc: every free is
 * remote). 64 bytes of padding between groups keep them apart. HotSpot lays superclass fields
 * out before subclass fields, so the chain of classes fixes the order, but it moves a subclass's
 * small field into a superclass's alignment gap: the groups are sized to leave none where that would
 * put a field on another group's line.
 */
final class SlabFields {
    private SlabFields() {
    }

    /** Unused words (64 bytes) before and after the used ones of {@link Shape#remoteBits}. */
    static final int REMOTE_PAD = 8;

    /** x^-1 modulo 2^64 for odd x: Newton's iteration doubles the correct low bits each step (3 -> 96). */
    static long inverseOfOdd(long x) {
        if ((x & 1) == 0) {
            throw new IllegalArgumentException("x=" + x + ": must be odd");
        }
        long y = x;                 // correct to 3 bits: x * x == 1 mod 8 for every odd x
        for (int i = 0; i < 5; i++) {
            y *= 2 - x * y;
        }
        return y;
    }

    /** Fixed when the slab is made, and its owner: what the slow paths and remote frees read. */
    abstract static class Shape {
        public final SuperSlab superslab;
        public final int blockBytes;
        public final int blockCount;
        final int firstUnit;
        final int unitCount;
        /** Bit i set: block i is free in this slab (not cached, not in use). The array is owner only. */
        final long[] freeBits;
        /**
         * Bit i set: another thread freed block i and the owner has not taken it back yet. Word w
         * sits at index {@code REMOTE_PAD + w}: the pads keep the words that freeing threads update
         * off the cache lines of whatever the heap puts next to the array (often this slab's
         * owner-written freeBits).
         */
        final long[] remoteBits;
        /**
         * Plain reads are enough on the fast path: only the owner thread itself ever installs itself
         * as owner, so a thread that sees itself here is right, and a stale read by any other thread
         * only sends it down the remote path, which is safe whoever owns the slab.
         */
        public SlabOwner owner;

        Shape(SuperSlab superslab, int firstUnit, int unitCount, int blockBytes, SlabOwner owner) {
            this.superslab = superslab;
            this.firstUnit = firstUnit;
            this.unitCount = unitCount;
            this.blockBytes = blockBytes;
            this.blockCount = (int) (((long) unitCount << SuperSlab.UNIT_SHIFT) / blockBytes);
            this.freeBits = new long[(blockCount + 63) >>> 6];
            this.remoteBits = new long[REMOTE_PAD + freeBits.length + REMOTE_PAD];
            for (int i = 0; i < blockCount; i++) {
                freeBits[i >>> 6] |= 1L << i;
            }
            this.owner = owner;
        }
    }

    /**
     * Everything a local free reads, and nothing else: 36 bytes laid out together after Shape (a
     * subclass's fields follow its superclass's, an int possibly in the gap Shape leaves, which is
     * right before them), so the group spans one cache line for half the places the heap can put
     * the object instead of always two. With the working set past L1 these lines miss on every
     * free (random_mixed ws=4000: hakmem's net ns/op grew 1.5 ns from ws=400, native mimalloc's 0.7).
     * Written when a slab changes hands, and {@code carved} only while it grows.
     */
    abstract static class ReadMostly extends Shape {
        public final long base;
        /**
         * blockBytes is {@code odd << indexShift}; indexInverse is odd's inverse modulo 2^64. For a
         * multiple m * blockBytes of it, {@code rotateRight(offset * indexInverse, indexShift)} is m;
         * for any other offset (interior, below base as a huge unsigned value) it is above
         * 2^64 / blockBytes, which is above blockCount: one multiply both divides and proves the
         * address is a block start (divisibility by multiplication, Granlund and Montgomery).
         */
        final long indexInverse;
        final int indexShift;
        public final int bin;
        /**
         * One past the highest block ever handed out. Blocks are always taken lowest index first, so
         * none at or above it has ever been out: a free of one of those is refused without reading
         * the bitmap. Written by the owner; other threads' racy reads can only see it lower.
         */
        public int carved;
        /**
         * owner.thread and owner.stack, written with owner (plain, before its release store): a
         * local free finds its thread's stack here instead of one load further, through the owner
         * (single-threaded larson 111 -> 130 M ops/s, random_mixed +6%, interleaved runs). As for
         * owner, only a thread installs itself, so a thread that reads itself here also reads its
         * own stack.
         */
        public Thread ownerThread;
        public long[] ownerStack;

        ReadMostly(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
            super(superslab, firstUnit, unitCount, blockBytes, owner);
            this.base = superslab.base + ((long) firstUnit << SuperSlab.UNIT_SHIFT);
            this.bin = bin;
            this.indexShift = Integer.numberOfTrailingZeros(blockBytes);
            this.indexInverse = inverseOfOdd(blockBytes >>> indexShift);
            this.ownerThread = owner == null ? null : owner.thread;
            this.ownerStack = owner == null ? null : owner.stack;
        }
    }

    @SuppressWarnings("unused")
    abstract static class PadA extends ReadMostly {
        private long a0, a1, a2, a3, a4, a5, a6, a7;

        PadA(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
            super(superslab, firstUnit, unitCount, bin, blockBytes, owner);
        }
    }

    /** Written by the owner on refills and flushes; never read by other threads. */
    abstract static class OwnerWritten extends PadA {
        /** Number of set bits in freeBits. */
        public int freeCount;
        /** The tag of the owner's list this slab is on (0: none), and its neighbours' bases (0: none). */
        int listTag;
        long nextBase;
        long prevBase;
        /** Where {@link Slab#take} leaves what it read from the blocks, so the reads are kept. */
        long touchSink;
        /** Blocks taken back from remote frees and not yet handed out again (an estimate: see take). */
        int remoteRecycled;
        /**
         * Fills the group's last 4 bytes: HotSpot puts a subclass field into a gap of its superclass,
         * and without this one the remote group's signal flag landed here, on the owner's line,
         * in front of the padding meant to keep it away (field offsets dumped with objectFieldOffset).
         */
        @SuppressWarnings("unused")
        private int gapFiller;

        OwnerWritten(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
            super(superslab, firstUnit, unitCount, bin, blockBytes, owner);
            this.freeCount = blockCount;
        }
    }

    @SuppressWarnings("unused")
    abstract static class PadB extends OwnerWritten {
        private long b0, b1, b2, b3, b4, b5, b6, b7;

        PadB(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
            super(superslab, firstUnit, unitCount, bin, blockBytes, owner);
        }
    }

    /** CASed by every thread that frees a block of this slab remotely (the first time per batch). */
    abstract static class RemoteWritten extends PadB {
        /** 1 while the owner has been told about remote frees it has not taken in yet. */
        @SuppressWarnings("unused") // accessed through Slab's VarHandle
        private volatile int signalled;

        RemoteWritten(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
            super(superslab, firstUnit, unitCount, bin, blockBytes, owner);
        }
    }

    @SuppressWarnings("unused")
    abstract static class PadC extends RemoteWritten {
        private long c0, c1, c2, c3, c4, c5, c6, c7;

        PadC(SuperSlab superslab, int firstUnit, int unitCount, int bin, int blockBytes, SlabOwner owner) {
            super(superslab, firstUnit, unitCount, bin, blockBytes, owner);
        }
    }
}
