package org.hakbench.workload;

import org.hakbench.nativeaccess.NativeMemory;
import org.hakbench.nativeaccess.WorkloadMemory;

/**
 * The verification pattern of docs/workloads/README.md: the first 8 bytes hold a tag unique to the
 * allocation, every other byte the tag's low byte (blocks under 8 bytes: all bytes the low byte).
 * Overlapping live blocks, a block handed out twice, or a write after free by the allocator show up as
 * a mismatch when the block is checked before its free, on whichever thread frees it.
 */
final class BlockPattern {
    private BlockPattern() {
    }

    /** A tag unique per (owner, sequence number): owner in the high bits, so owners never collide. */
    static long tag(int owner, long sequence) {
        return ((long) (owner + 1) << 40) ^ sequence;
    }

    static void write(long address, long byteSize, long tag) {
        if (byteSize >= Long.BYTES) {
            WorkloadMemory.putLong(address, tag);
            NativeMemory.fill(address + Long.BYTES, byteSize - Long.BYTES, (byte) tag);
        } else {
            NativeMemory.fill(address, byteSize, (byte) tag);
        }
    }

    static void check(long address, long byteSize, long tag) {
        long start = 0;
        if (byteSize >= Long.BYTES) {
            long found = WorkloadMemory.getLong(address);
            if (found != tag) {
                throw corrupted(address, byteSize, tag, 0, "tag 0x" + Long.toHexString(found));
            }
            start = Long.BYTES;
        }
        long bad = WorkloadMemory.firstMismatch(address + start, byteSize - start, (byte) tag);
        if (bad >= 0) {
            long offset = start + bad;
            throw corrupted(address, byteSize, tag, offset, "byte 0x" + Integer.toHexString(NativeMemory.getByte(address + offset) & 0xFF));
        }
    }

    private static IllegalStateException corrupted(long address, long byteSize, long tag, long offset, String found) {
        return new IllegalStateException(String.format("block 0x%x (%d bytes, tag 0x%x) was overwritten: found %s at offset %d",
                address, byteSize, tag, found, offset));
    }
}
