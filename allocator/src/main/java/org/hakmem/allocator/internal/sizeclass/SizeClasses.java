package org.hakmem.allocator.internal.sizeclass;

/**
 * Request size -> bin in O(1), by table.
 *
 * <p>The seeds' tiny classes C0..C7 (8, 16, 32, ... 1024 B) are kept as the unit of routing and
 * reporting, but a power-of-two block per class wastes about 25% on uniform sizes. Each class is
 * therefore split into up to four bins (four per doubling, like mimalloc and jemalloc), all
 * multiples of 16 B so every block is 16-byte aligned. C0 keeps a bin of its own (16 B blocks)
 * so that the route table can treat C0 and C1 differently. Mid bins continue four per doubling up
 * to {@link #MAX_SMALL_BYTES}; larger requests are mapped directly.
 */
public final class SizeClasses {
    public static final int TINY_CLASS_COUNT = 8;
    public static final long MAX_TINY_BYTES = 1024;
    public static final long MAX_SMALL_BYTES = 64 * 1024;
    public static final int MIN_ALIGNMENT = 16;

    /** Block size of every bin, ascending except that bins 0 and 1 are both 16 B. */
    private static final int[] BLOCK_BYTES;
    /** Tiny class C0..C7 of a bin, or -1 for mid bins. */
    private static final byte[] TINY_CLASS;
    /**
     * (size + 7) >>> 3 -> bin, for size <= 1024; 256 entries (the tail unused) so that an index
     * masked with 0xFF needs no bounds check in compiled code (the array is a constant of known length).
     */
    private static final byte[] TINY_LOOKUP = new byte[256];
    /** (size + 255) >>> 8 -> bin, for 1024 < size <= 64 KiB. */
    private static final byte[] MID_LOOKUP = new byte[(int) (MAX_SMALL_BYTES >>> 8) + 1];
    public static final int TINY_BIN_COUNT;
    public static final int BIN_COUNT;

    static {
        int[] bytes = new int[64];
        byte[] cls = new byte[64];
        int n = 0;
        bytes[n] = 16; cls[n++] = 0;            // C0: 0..8 B
        bytes[n] = 16; cls[n++] = 1;            // C1: 9..16 B
        bytes[n] = 32; cls[n++] = 2;            // C2: 17..32 B
        for (int c = 3; c < TINY_CLASS_COUNT; c++) {
            int upper = 8 << c;                 // C3 = 64 B ... C7 = 1024 B
            int lower = upper / 2;
            int steps = Math.min(4, (upper - lower) / MIN_ALIGNMENT);
            int step = (upper - lower) / steps;
            for (int s = 1; s <= steps; s++) {
                bytes[n] = lower + s * step;
                cls[n++] = (byte) c;
            }
        }
        int tinyBins = n;
        for (long upper = 2 * MAX_TINY_BYTES; upper <= MAX_SMALL_BYTES; upper *= 2) {
            long step = upper / 8;
            for (int s = 1; s <= 4; s++) {
                bytes[n] = (int) (upper / 2 + s * step);
                cls[n++] = -1;
            }
        }
        BLOCK_BYTES = java.util.Arrays.copyOf(bytes, n);
        TINY_CLASS = java.util.Arrays.copyOf(cls, n);
        TINY_BIN_COUNT = tinyBins;
        BIN_COUNT = n;

        for (int i = 0; i <= (int) (MAX_TINY_BYTES >>> 3); i++) {
            long size = (long) i << 3;          // the largest size with this index
            TINY_LOOKUP[i] = (byte) (size <= 8 ? 0 : firstBinAtLeast(size, 1));
        }
        for (int i = 0; i < MID_LOOKUP.length; i++) {
            long size = Math.max((long) i << 8, MAX_TINY_BYTES + 1);
            MID_LOOKUP[i] = (byte) firstBinAtLeast(size, tinyBins);
        }
    }

    private SizeClasses() {
    }

    private static int firstBinAtLeast(long size, int from) {
        for (int b = from; b < BLOCK_BYTES.length; b++) {
            if (BLOCK_BYTES[b] >= size) {
                return b;
            }
        }
        throw new AssertionError("no bin for " + size);
    }

    /** Bin of a request of byteSize bytes (0 <= byteSize <= MAX_SMALL_BYTES). */
    public static int binOf(long byteSize) {
        if (byteSize <= MAX_TINY_BYTES) {
            return TINY_LOOKUP[(int) ((byteSize + 7) >>> 3)];
        }
        return MID_LOOKUP[(int) ((byteSize + 255) >>> 8)];
    }

    /** Tiny bin for requests up to 1 KiB; callers have checked the range (the mask changes nothing below it). */
    public static int tinyBinOf(long byteSize) {
        return TINY_LOOKUP[(int) ((byteSize + 7) >>> 3) & 0xFF];
    }

    public static int blockBytes(int bin) {
        return BLOCK_BYTES[bin];
    }

    /** Tiny class C0..C7 of the bin, or -1 for a mid bin. */
    public static int tinyClassOf(int bin) {
        return TINY_CLASS[bin];
    }

    /**
     * Smallest bin whose blocks are all aligned to byteAlignment and hold byteSize bytes: a
     * power-of-two block size, since slabs start on 64 KiB boundaries. -1 if no bin fits.
     */
    public static int alignedBinOf(long byteSize, long byteAlignment) {
        long need = Math.max(Math.max(byteSize, byteAlignment), MIN_ALIGNMENT);
        long pow2 = Long.highestOneBit(need - 1) << 1;
        if (need == 1 || Long.bitCount(need) == 1) {
            pow2 = need;
        }
        if (pow2 > MAX_SMALL_BYTES) {
            return -1;
        }
        for (int b = 1; b < BLOCK_BYTES.length; b++) {
            if (BLOCK_BYTES[b] == pow2) {
                return b;
            }
        }
        return -1;
    }
}
