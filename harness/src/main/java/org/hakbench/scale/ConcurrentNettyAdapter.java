package org.hakbench.scale;

import java.util.concurrent.ConcurrentHashMap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;

/**
 * Netty's pooled direct buffers for the multi-threaded workloads. Same allocation as
 * {@link org.hakbench.adapters.NettyAdapter}, but the address -> ByteBuf handle table is a
 * {@link ConcurrentHashMap}: in larson and xmalloc a buffer is released on another thread than the one
 * that took it, and NettyAdapter's single-threaded primitive map would be corrupted. The table's cost
 * (boxing, hashing) is part of what "netty" measures here, as a Java program handing ByteBufs between
 * threads pays for some shared structure. Belongs in org.hakbench.adapters; kept here until the
 * adapters package owns multi-threaded variants.
 */
public final class ConcurrentNettyAdapter implements AllocatorAdapter {
    private final PooledByteBufAllocator pool = new PooledByteBufAllocator(true);
    private final ConcurrentHashMap<Long, ByteBuf> live = new ConcurrentHashMap<>(1 << 16);

    @Override
    public String name() {
        return "netty";
    }

    @Override
    public long malloc(long byteSize) {
        int size = Math.toIntExact(byteSize);
        ByteBuf buf = pool.directBuffer(size, size);
        long address = buf.hasMemoryAddress() ? buf.memoryAddress() : NativeMemory.addressOf(buf.internalNioBuffer(0, size));
        live.put(address, buf);
        return address;
    }

    @Override
    public void free(long address) {
        if (address == 0) {
            return;
        }
        ByteBuf buf = live.remove(address);
        if (buf == null) {
            throw new IllegalArgumentException("netty: free of an address it did not allocate: 0x" + Long.toHexString(address));
        }
        buf.release();
    }

    @Override
    public String implementation() {
        return "io.netty PooledByteBufAllocator(preferDirect) " + io.netty.util.Version.identify().getOrDefault("netty-buffer", null)
                + ", address->ByteBuf handle table (ConcurrentHashMap, for cross-thread release)";
    }

    @Override
    public void close() {
        live.values().forEach(ByteBuf::release);
        live.clear();
    }
}
