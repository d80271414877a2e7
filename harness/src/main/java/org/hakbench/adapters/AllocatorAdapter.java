package org.hakbench.adapters;

import java.util.Map;

import org.hakbench.results.OsCallCounts;

/**
 * One allocator under test, seen as C sees it: {@code malloc} returns an address, {@code free} takes
 * it back. Workloads write to returned memory only through {@code org.hakbench.nativeaccess}.
 *
 * <p>Threads: hakmem, glibc and the preloaded competitors are thread-safe (one adapter may serve
 * every thread); netty (its handle table) and null (its call counter) are not: use one adapter per
 * thread, see {@link #threadSafe()}.
 *
 * <p>Exactly one implementation is loaded in a measuring child JVM, so the JIT sees every call
 * site as monomorphic and inlines it; keep implementations final and their methods small.
 */
public interface AllocatorAdapter extends AutoCloseable {

    /** The registry name: "hakmem", "glibc", "mimalloc", "jemalloc", "tcmalloc", "netty", "null". */
    String name();

    /** Allocates at least {@code byteSize} bytes; returns their address, or 0 when memory is refused. */
    long malloc(long byteSize);

    /** Releases an address returned by {@link #malloc} on this adapter. */
    void free(long address);

    /**
     * Cumulative OS memory calls the allocator counted itself since it was created, or {@code null}
     * when it cannot count them (the harness then counts from outside or reports them as unknown).
     */
    default OsCallCounts osCalls() {
        return null;
    }

    /**
     * The allocator's own account of the memory it holds now, from its introspection call; unknown
     * figures stay null. Called once per soak epoch on the loop thread, outside the timed batches.
     */
    default AllocatorFootprint footprint() {
        return AllocatorFootprint.UNKNOWN;
    }

    /** The call behind {@link #footprint()} and how its figures are derived, or why they are unknown. */
    default String footprintSource() {
        return "unknown: this allocator has no introspection call";
    }

    /** The allocator's effective configuration (e.g. every HAKMEM_* knob), recorded with each run. */
    default Map<String, String> effectiveConfig() {
        return Map.of();
    }

    /** What actually answers the calls, e.g. the library file that {@code malloc} resolved to. */
    String implementation();

    /** Whether one instance may be called from several threads at once. */
    boolean threadSafe();

    /** Releases the adapter's own resources; allocations still live are the caller's leak. */
    @Override
    default void close() {
    }
}
