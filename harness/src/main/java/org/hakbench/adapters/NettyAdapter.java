package org.hakbench.adapters;

import java.util.concurrent.ConcurrentHashMap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.collection.LongObjectHashMap;
import org.hakbench.nativeaccess.NativeMemory;

/**
 * Netty's pooled direct buffers as an address-based allocator: {@code malloc} takes
 * {@code directBuffer(byteSize, byteSize)} from a dedicated {@link PooledByteBufAllocator} and returns
 * the address of its first byte; {@code free} releases it.
 *
 * <p>The loop deals in addresses, Netty in {@link ByteBuf} objects, so this adapter keeps a handle
 * table address -> ByteBuf (Netty's own primitive {@link LongObjectHashMap}: no boxing). Its
 * put/remove is part of the measured cost of "netty", as a Java program holding ByteBufs would pay
 * to keep its buffers reachable; it is documented in results as the adapter's implementation.
 *
 * <p>{@link #forManyThreads()} keeps the handle table in a {@link ConcurrentHashMap} instead, for the
 * multi-threaded workloads, where a buffer is released on another thread than the one that took it
 * (Netty allows that; the single-threaded primitive map would be corrupted). Its boxing and hashing are
 * then part of what "netty" measures, as a Java program handing ByteBufs between threads pays for some
 * shared structure.
 *
 * <p>Netty's leak detector is switched off (it samples allocations and records stack traces; it is
 * a debugging aid, and tuned deployments run without it), so the pool is measured, not the detector.
 */
public final class NettyAdapter implements AllocatorAdapter {

    static {
        io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
    }

    /**
     * Netty's defaults, except that the thread-local cache is used on every thread: Netty 4.2 only
     * caches on its own FastThreadLocalThreads by default, and the loop runs on a plain thread.
     */
    private final PooledByteBufAllocator pool = new PooledByteBufAllocator(true,
            PooledByteBufAllocator.defaultNumHeapArena(), PooledByteBufAllocator.defaultNumDirectArena(),
            PooledByteBufAllocator.defaultPageSize(), PooledByteBufAllocator.defaultMaxOrder(),
            PooledByteBufAllocator.defaultSmallCacheSize(), PooledByteBufAllocator.defaultNormalCacheSize(), true);
    /** The handle table of a single-threaded adapter; null when {@link #shared} is used. */
    private final LongObjectHashMap<ByteBuf> live;
    /** The handle table of a {@link #forManyThreads()} adapter; null otherwise. */
    private final ConcurrentHashMap<Long, ByteBuf> shared;

    /** An adapter for one thread (the random_mixed loop). */
    public NettyAdapter() {
        this(false);
    }

    private NettyAdapter(boolean threadSafe) {
        live = threadSafe ? null : new LongObjectHashMap<>(1024);
        shared = threadSafe ? new ConcurrentHashMap<>(1 << 16) : null;
    }

    /** An adapter any thread may call, and free what another thread allocated. */
    public static NettyAdapter forManyThreads() {
        return new NettyAdapter(true);
    }

    @Override
    public String name() {
        return "netty";
    }

    @Override
    public long malloc(long byteSize) {
        int size = Math.toIntExact(byteSize);
        ByteBuf buf = pool.directBuffer(size, size);
        // Netty reports an address itself only with its Unsafe-based backend (which this JDK denies
        // by default); otherwise the NIO view of the
        // same memory can (no copy: a view of the pooled chunk at this buffer's offset).
        long address = buf.hasMemoryAddress() ? buf.memoryAddress() : NativeMemory.addressOf(buf.internalNioBuffer(0, size));
        if (shared != null) {
            shared.put(address, buf);
        } else {
            live.put(address, buf);
        }
        return address;
    }

    @Override
    public void free(long address) {
        ByteBuf buf = shared != null ? shared.remove(address) : live.remove(address);
        if (buf == null) {
            throw new IllegalArgumentException("netty: free of an address it did not allocate: 0x" + Long.toHexString(address));
        }
        buf.release();
    }

    /**
     * The pool's metric: direct chunks it holds (allocated zeroed by the JDK, so touched: resident =
     * mapped) and the bytes pinned by live buffers.
     */
    @Override
    public AllocatorFootprint footprint() {
        long chunks = pool.metric().usedDirectMemory();
        return new AllocatorFootprint(chunks, chunks, pool.pinnedDirectMemory());
    }

    @Override
    public String footprintSource() {
        return "PooledByteBufAllocator: resident = mapped = metric().usedDirectMemory(), in use = pinnedDirectMemory()";
    }

    @Override
    public boolean threadSafe() {
        return shared != null;
    }

    @Override
    public String implementation() {
        io.netty.util.Version version = io.netty.util.Version.identify(NettyAdapter.class.getClassLoader()).get("netty-buffer");
        return "io.netty PooledByteBufAllocator(preferDirect) " + (version == null ? "" : version.artifactVersion())
                + ", thread caches on all threads, leak detection off, address->ByteBuf handle table ("
                + (shared != null ? "ConcurrentHashMap, for cross-thread release)" : "LongObjectHashMap)");
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.values().forEach(ByteBuf::release);
            shared.clear();
        } else {
            live.values().forEach(ByteBuf::release);
            live.clear();
        }
    }
}
