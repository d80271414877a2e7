package org.hakmem.allocator.internal.slab;

/** The exceptions for frees hakmem refuses, one message each wherever the refusal happens. */
public final class BadFree {
    private BadFree() {
    }

    public static IllegalArgumentException doubleFree(long address) {
        return new IllegalArgumentException("free(0x" + Long.toHexString(address) + "): double free (block is already free)");
    }
}
