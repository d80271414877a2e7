package org.hakmem.allocator.internal.arena;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.hakmem.allocator.internal.Core;
import org.hakmem.allocator.internal.os.NativeMemory;

/**
 * A {@link java.lang.foreign.Arena} whose memory comes from hakmem. The scope, its liveness, its
 * confinement and the invalidation of every segment at close are the JDK's own: each block becomes
 * a segment of an inner JDK arena ({@code reinterpret(byteSize, inner, null)}), so access after
 * {@code close()} throws exactly as with {@code Arena.ofConfined()} / {@code ofShared()}. What hakmem
 * replaces is the JDK arena's {@code malloc} per allocation and its per-allocation cleanup object: the
 * blocks are kept as addresses in a {@code long[]} and freed together after the inner arena closed.
 *
 * <p>Invariants: a block is freed only after the inner arena is closed (no live segment can reach
 * it); {@code close()} that the inner arena refuses (wrong thread, already closed, a segment in use
 * by a downcall) frees nothing; memory handed out is zeroed, as the JDK's arenas zero it.
 */
public final class HakmemArena implements Arena {
    private static final int INITIAL_BLOCKS = 16;

    private final Core core;
    private final Arena inner;
    /** Confined arenas: the owner; shared ones: null (then {@link #lock} guards the block list). */
    private final Thread owner;
    private final Object lock = new Object();
    private long[] blocks = new long[INITIAL_BLOCKS];
    private int blockCount;
    /** Written under the lock (shared) or by the owner (confined); a shared allocate checks it under the lock. */
    private boolean closed;

    private HakmemArena(Core core, Arena inner, Thread owner) {
        this.core = core;
        this.inner = inner;
        this.owner = owner;
    }

    /** An arena only the calling thread may allocate from, access and close. */
    public static HakmemArena confined(Core core) {
        return new HakmemArena(core, Arena.ofConfined(), Thread.currentThread());
    }

    /** An arena any thread may allocate from, access and close. */
    public static HakmemArena shared(Core core) {
        return new HakmemArena(core, Arena.ofShared(), null);
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        checkSizeAndAlignment(byteSize, byteAlignment);
        final Thread o = owner;
        if (o != null) {
            if (o != Thread.currentThread()) {
                throw new WrongThreadException("arena confined to " + o.getName() + ", allocate called from " + Thread.currentThread().getName());
            }
            checkOpen();
            long address = mallocZeroed(byteSize, byteAlignment);
            add(address);
            return NativeMemory.segment(address, byteSize, inner);
        }
        long address = mallocZeroed(byteSize, byteAlignment);
        // under the lock close() frees under: either close() frees this block, or this thread sees closed
        synchronized (lock) {
            if (closed) {
                core.free(address);
                throw alreadyClosed();
            }
            add(address);
            return NativeMemory.segment(address, byteSize, inner);
        }
    }

    @Override
    public MemorySegment.Scope scope() {
        return inner.scope();
    }

    @Override
    public void close() {
        if (owner != null) {
            inner.close();   // throws WrongThreadException / IllegalStateException: then nothing is freed
            closed = true;
            freeAll();
            return;
        }
        synchronized (lock) {
            inner.close();
            closed = true;
            freeAll();
        }
    }

    /** Blocks are held by this arena only; every segment over them died with the inner arena. */
    private void freeAll() {
        final long[] b = blocks;
        for (int i = 0, n = blockCount; i < n; i++) {
            core.free(b[i]);
        }
        blocks = null;
        blockCount = 0;
    }

    private long mallocZeroed(long byteSize, long byteAlignment) {
        long address = core.mallocAligned(Math.max(byteSize, 1), byteAlignment);
        if (address == 0) {
            throw new OutOfMemoryError("hakmem arena: cannot allocate byteSize=" + byteSize + ", byteAlignment=" + byteAlignment);
        }
        if (byteSize > 0) {
            NativeMemory.fill(address, byteSize, (byte) 0);
        }
        return address;
    }

    private void add(long address) {
        if (blockCount == blocks.length) {
            blocks = java.util.Arrays.copyOf(blocks, blocks.length * 2);
        }
        blocks[blockCount++] = address;
    }

    private void checkOpen() {
        if (closed) {
            throw alreadyClosed();
        }
    }

    private static IllegalStateException alreadyClosed() {
        return new IllegalStateException("Already closed");
    }

    /** The JDK's checks of Arena.allocate: a negative size or an alignment that is not a power of two. */
    private static void checkSizeAndAlignment(long byteSize, long byteAlignment) {
        if (byteSize < 0) {
            throw new IllegalArgumentException("byteSize=" + byteSize + ": must be >= 0");
        }
        if (byteAlignment <= 0 || Long.bitCount(byteAlignment) != 1) {
            throw new IllegalArgumentException("byteAlignment=" + byteAlignment + ": must be a power of two");
        }
    }
}
