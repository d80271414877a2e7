package org.hakmem.allocator.internal.arena;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.hakmem.allocator.internal.Core;
import org.hakmem.allocator.internal.os.NativeMemory;

/**
 * A {@link java.lang.foreign.Arena} whose memory comes from hakmem. The scope, its liveness, its
 * confinement and the invalidation of every segment at close are the JDK's own: hakmem's blocks
 * become segments of an inner JDK arena ({@code reinterpret(byteSize, inner, null)}), so access after
 * {@code close()} throws exactly as with {@code Arena.ofConfined()} / {@code ofShared()}.
 *
 * <p>What changes is the allocation. An arena frees nothing before it closes, so it need not ask
 * the allocator for every segment (the JDK's arenas malloc each one and register a cleanup object
 * for it): the first allocation gets a block of its own; later requests up to a quarter of the
 * current chunk are cut from chunks hakmem hands out (the first 1 KiB from the thread cache, each
 * next one four times larger up to 64 KiB), by bumping an
 * offset and slicing the chunk's segment; larger requests get a block of their own. Chunks and
 * blocks are kept as addresses in a {@code long[]} and freed together after the inner arena closed.
 *
 * <p>Invariants: a block is freed only after the inner arena is closed (no live segment can reach
 * it); {@code close()} that the inner arena refuses (wrong thread, already closed, a segment in use
 * by a downcall) frees nothing; memory handed out is zeroed, as the JDK's arenas zero it (each
 * slice when it is cut, since a chunk's memory may hold an earlier owner's bytes); zero-sized
 * segments keep unique addresses (each takes at least one byte of its chunk).
 */
public final class HakmemArena implements Arena {
    private static final int INITIAL_BLOCKS = 8;
    private static final long FIRST_CHUNK_BYTES = 1024;
    private static final long MAX_CHUNK_BYTES = 64 * 1024;

    private final Core core;
    private final Arena inner;
    /** Confined arenas: the owner; shared ones: null (then {@link #lock} guards the block list). */
    private final Thread owner;
    private final Object lock = new Object();
    /** The first block, then the others in {@link #blocks} (built on the second): most arenas hold one or two. */
    private long firstBlock;
    private long[] blocks;
    private int blockCount;
    /** The chunk slices are cut from (null before the first), its address, the next free offset. */
    private MemorySegment chunk;
    private long chunkAddress;
    private long chunkOffset;
    private long nextChunkBytes = FIRST_CHUNK_BYTES;
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
            return cut(byteSize, byteAlignment);
        }
        // under the lock close() frees under: either close() frees what this takes, or this thread sees closed
        synchronized (lock) {
            checkOpen();
            return cut(byteSize, byteAlignment);
        }
    }

    /** A zeroed slice of the current chunk, of a new chunk, or a block of its own. */
    private MemorySegment cut(long byteSize, long byteAlignment) {
        final long taken = Math.max(byteSize, 1);
        final MemorySegment c = chunk;
        if (c != null) {
            final long start = ((chunkAddress + chunkOffset + byteAlignment - 1) & -byteAlignment) - chunkAddress;
            if (start >= 0 && taken <= c.byteSize() - start) {   // no overflow for huge requests
                chunkOffset = start + taken;
                return zeroed(c.asSlice(start, byteSize), chunkAddress + start, byteSize);
            }
        }
        if (c == null && blockCount == 0) {
            // the first allocation gets a block of its own: a short-lived arena that allocates once
            // (a buffer for one call) pays one malloc and one segment, as with the JDK's arenas
            final long address = malloc(taken, byteAlignment);
            add(address);
            return zeroed(NativeMemory.segment(address, byteSize, inner), address, byteSize);
        }
        if (taken > nextChunkBytes / 4 || byteAlignment > FIRST_CHUNK_BYTES) {
            final long address = malloc(taken, byteAlignment);
            add(address);
            return zeroed(NativeMemory.segment(address, byteSize, inner), address, byteSize);
        }
        final long chunkBytes = nextChunkBytes;
        final long address = malloc(chunkBytes, 16);
        add(address);
        chunk = NativeMemory.segment(address, chunkBytes, inner);
        chunkAddress = address;
        nextChunkBytes = Math.min(MAX_CHUNK_BYTES, chunkBytes * 4);
        final long start = ((address + byteAlignment - 1) & -byteAlignment) - address;
        chunkOffset = start + taken;
        return zeroed(chunk.asSlice(start, byteSize), address + start, byteSize);
    }

    private static MemorySegment zeroed(MemorySegment segment, long address, long byteSize) {
        if (byteSize > 0) {
            NativeMemory.fill(address, byteSize, (byte) 0);
        }
        return segment;
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
        if (blockCount > 0) {
            core.free(firstBlock);
        }
        final long[] b = blocks;
        for (int i = 1, n = blockCount; i < n; i++) {
            core.free(b[i]);
        }
        blocks = null;
        blockCount = 0;
        chunk = null;
    }

    private long malloc(long byteSize, long byteAlignment) {
        long address = core.mallocAligned(byteSize, byteAlignment);
        if (address == 0) {
            throw new OutOfMemoryError("hakmem arena: cannot allocate byteSize=" + byteSize + ", byteAlignment=" + byteAlignment);
        }
        return address;
    }

    private void add(long address) {
        final int n = blockCount;
        if (n == 0) {
            firstBlock = address;
        } else if (blocks == null) {
            blocks = new long[INITIAL_BLOCKS];
        } else if (n == blocks.length) {
            blocks = java.util.Arrays.copyOf(blocks, n * 2);
        }
        if (n > 0) {
            blocks[n] = address;   // slot 0 stays unused: firstBlock holds it
        }
        blockCount = n + 1;
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
