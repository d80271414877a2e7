package org.hakmem.benchmarks;

import org.hakmem.allocator.AllocatorConfig;
import org.hakmem.allocator.AllocatorStats;
import org.hakmem.allocator.Hakmem;
import org.hakmem.allocator.HakmemAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * hakmem's footprint under many threads (README, "virtual threads"): THREADS virtual or platform
 * threads each do PAIRS random malloc/free steps on 8 slots; with "park" every thread parks halfway,
 * holding its blocks, until all have got there, and the caches and bytes mapped are printed then.
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -Xmx4g -cp benchmarks/target/benchmarks.jar \
 *   org.hakmem.benchmarks.VirtualThreadFootprint virtual 100000 200 park
 * </pre>
 */
public final class VirtualThreadFootprint {
    private VirtualThreadFootprint() {
    }

    public static void main(String[] a) throws Exception {
        if (a.length < 3 || !(a[0].equals("virtual") || a[0].equals("platform"))) {
            System.err.println("usage: VirtualThreadFootprint virtual|platform THREADS PAIRS [park]");
            System.exit(2);
        }
        boolean virtual = a[0].equals("virtual");
        int threads = Integer.parseInt(a[1]);
        int pairs = Integer.parseInt(a[2]);
        boolean park = a.length > 3 && a[3].equals("park");
        HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());
        long t0 = System.nanoTime();
        CountDownLatch started = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        Runnable body = () -> {
            long[] live = new long[8];
            long s = Thread.currentThread().threadId() * 0x9E3779B97F4A7C15L | 1;
            for (int i = 0; i < pairs; i++) {
                s ^= s << 13; s ^= s >>> 7; s ^= s << 17;
                int k = (int) ((s >>> 33) & 7);
                if (live[k] != 0) heap.free(live[k]);
                live[k] = heap.malloc(16 + (s & 511));
                if (park && i == pairs / 2) {
                    started.countDown();
                    try { go.await(); } catch (InterruptedException e) { throw new RuntimeException(e); }
                }
            }
            for (long p : live) if (p != 0) heap.free(p);
        };
        for (int t = 0; t < threads; t++) {
            all.add(virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body));
        }
        if (park) {
            started.await();
            AllocatorStats st = heap.stats();
            System.out.printf("all parked mid-work: caches=%d mapped=%.1f MiB heapUsed=%.1f MiB%n", st.threadCaches(), st.bytesMapped() / 1048576.0,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
            go.countDown();
        }
        for (Thread t : all) t.join();
        long ns = System.nanoTime() - t0;
        AllocatorStats st = heap.stats();
        System.out.printf("%s threads=%d pairs=%d park=%b: %.0f ms, caches=%d, mapped=%.1f MiB, peakMapped=%.1f MiB, %.1f M ops/s%n",
                virtual ? "virtual" : "platform", threads, pairs, park, ns / 1e6, st.threadCaches(), st.bytesMapped() / 1048576.0,
                st.peakBytesMapped() / 1048576.0, 2.0 * threads * pairs / (ns / 1e3));
    }
}
