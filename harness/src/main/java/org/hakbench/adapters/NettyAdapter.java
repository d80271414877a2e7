package org.hakbench.adapters;

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
 */
public final class NettyAdapter implements AllocatorAdapter {

    private final PooledByteBufAllocator pool = new PooledByteBufAllocator(true);
    private final LongObjectHashMap<ByteBuf> live = new LongObjectHashMap<>(1024);

    @Override
    public String name() {
        return "netty";
    }

    @Override
    public long malloc(long byteSize) {
        int size = Math.toIntExact(byteSize);
        ByteBuf buf = pool.directBuffer(size, size);
        // Without sun.misc.Unsafe Netty cannot report an address itself; the NIO view of the
        // same memory can (no copy: a view of the pooled chunk at this buffer's offset).
        long address = buf.hasMemoryAddress() ? buf.memoryAddress() : NativeMemory.addressOf(buf.internalNioBuffer(0, size));
        live.put(address, buf);
        return address;
    }

    @Override
    public void free(long address) {
        ByteBuf buf = live.remove(address);
        if (buf == null) {
            throw new IllegalArgumentException("netty: free of an address it did not allocate: 0x" + Long.toHexString(address));
        }
        buf.release();
    }

    @Override
    public String implementation() {
        return "io.netty PooledByteBufAllocator(preferDirect) " + io.netty.util.Version.identify().getOrDefault("netty-buffer",
                null) + ", address->ByteBuf handle table (LongObjectHashMap)";
    }

    @Override
    public void close() {
        live.values().forEach(ByteBuf::release);
        live.clear();
    }
}
