package org.hakmem.allocator.internal.cache;

import org.hakmem.allocator.AllocatorConfig;
import org.hakmem.allocator.internal.policy.RouteTable;
import org.hakmem.allocator.internal.pool.SharedPool;
import org.hakmem.allocator.internal.slab.PageMap;
import org.hakmem.allocator.internal.slab.SuperSlabBackend;

/**
 * What a thread cache needs from the allocator that owns it: its configuration and routes, the page
 * map, where slabs come from and go back to, and two reports (closed, corruption). Only slow paths
 * (refill, flush, hand-over) call it; the fast paths touch the cache's own arrays alone. An interface,
 * so the cache does not depend on the allocator's core and the core depends on the cache, not both ways.
 */
public interface CacheHome {
    AllocatorConfig config();

    RouteTable routes();

    PageMap pageMap();

    SharedPool pool();

    SuperSlabBackend backend();

    /** Whether a bin keeps one empty slab instead of giving it back (FAST mode). */
    boolean keepOneEmptySlab();

    /** Throws IllegalStateException when the allocator has been closed. */
    void checkOpen();

    /** Counts blocks found freed twice (dropped when found). */
    void countCorruption(int duplicates);
}
