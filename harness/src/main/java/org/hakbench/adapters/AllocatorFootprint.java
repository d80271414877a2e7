package org.hakbench.adapters;

/**
 * An allocator's own account of the memory it holds, from its introspection call (hakmem's stats,
 * glibc {@code mallinfo2}, mimalloc {@code mi_process_info}, jemalloc {@code mallctl}, tcmalloc
 * {@code MallocExtension}, Netty's pool metric). A null figure is one the allocator does not give;
 * it is never estimated.
 *
 * @param residentBytes bytes the allocator holds from the OS and has not handed back (its upper bound
 *                      of what is resident for it)
 * @param mappedBytes   bytes it has mapped (address space), resident or not
 * @param inUseBytes    bytes of blocks handed out and not freed
 */
public record AllocatorFootprint(Long residentBytes, Long mappedBytes, Long inUseBytes) {
    /** Nothing known. */
    public static final AllocatorFootprint UNKNOWN = new AllocatorFootprint(null, null, null);
}
