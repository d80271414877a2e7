package org.hakmem.allocator.internal.policy;

import org.hakmem.allocator.AllocatorConfig;
import org.hakmem.allocator.internal.sizeclass.SizeClasses;

/**
 * Tiny class -> route, one table (the seeds' tiny_route_box): the single place that decides
 * whether a class is served by the per-thread tiny front or by the shared pool. The thread cache
 * turns it into per-bin capacities once, so the hot path never reads this table.
 */
public final class RouteTable {
    public enum Route {
        /** The tiny front only; out of memory there is out of memory. */
        TINY_ONLY,
        /** The tiny front, falling back to the shared pool when the front cannot get memory. */
        TINY_FIRST,
        /** The shared pool only: the tiny front is bypassed. */
        POOL_ONLY
    }

    private final Route[] routes = new Route[SizeClasses.TINY_CLASS_COUNT];

    public RouteTable(AllocatorConfig.TinyProfile profile) {
        for (int c = 0; c < routes.length; c++) {
            routes[c] = switch (profile) {
                case HOT -> c <= 3 ? Route.TINY_ONLY : c <= 6 ? Route.TINY_FIRST : Route.POOL_ONLY;
                case CONSERVATIVE -> Route.TINY_FIRST;
                case OFF -> Route.POOL_ONLY;
                case FULL -> Route.TINY_ONLY;
            };
        }
    }

    public Route routeOfClass(int tinyClass) {
        return routes[tinyClass];
    }

    public Route routeOfBin(int bin) {
        return routes[SizeClasses.tinyClassOf(bin)];
    }
}
