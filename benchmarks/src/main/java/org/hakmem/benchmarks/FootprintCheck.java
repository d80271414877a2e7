package org.hakmem.benchmarks;

import java.util.Map;

import org.hakmem.allocator.AllocatorConfig;
import org.hakmem.allocator.AllocatorStats;
import org.hakmem.allocator.Hakmem;
import org.hakmem.allocator.HakmemAllocator;

/**
 * Memory, not time: runs random_mixed (WORKLOAD.md) on a fresh hakmem instance and compares the
 * peak bytes mapped with the peak live bytes the loop requested.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     org.hakmem.benchmarks.FootprintCheck [ws] [iters] [HAKMEM_X=V ...]
 * </pre>
 */
public final class FootprintCheck {
    private FootprintCheck() {
    }

    public record Footprint(long peakLiveRequestedBytes, AllocatorStats stats) {
        public double mappedOverLive() {
            return (double) stats.peakBytesMapped() / peakLiveRequestedBytes;
        }
    }

    public static Footprint run(AllocatorConfig config, int ws, long iters) {
        try (HakmemAllocator heap = Hakmem.create(config)) {
            long[] slots = new long[ws];
            int[] sizes = new int[ws];
            long live = 0;
            long peakLive = 0;
            long s = 42;
            for (long i = 0; i < iters; i++) {
                long x = s;
                x ^= x >>> 12;
                x ^= x << 25;
                x ^= x >>> 27;
                s = x;
                long r = x * 0x2545F4914F6CDD1DL;
                int idx = Integer.remainderUnsigned((int) (r >>> 32), ws);
                if (slots[idx] != 0) {
                    heap.free(slots[idx]);
                    slots[idx] = 0;
                    live -= sizes[idx];
                } else {
                    int size = 16 + (int) ((r & 0xFFFF) % 1009);
                    long p = heap.malloc(size);
                    BenchAllocator.touch(p, (byte) i);
                    BenchAllocator.touch(p + size - 1, (byte) i);
                    slots[idx] = p;
                    sizes[idx] = size;
                    live += size;
                    peakLive = Math.max(peakLive, live);
                }
            }
            AllocatorStats stats = heap.stats();
            for (long p : slots) {
                heap.free(p);
            }
            return new Footprint(peakLive, stats);
        }
    }

    public static void main(String[] args) {
        int ws = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long iters = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000L;
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            env.put(kv[0], kv[1]);
        }
        AllocatorConfig config = AllocatorConfig.fromEnvironment(env);
        Footprint f = run(config, ws, iters);
        System.out.printf("ws=%d iters=%d config=%s%n", ws, iters, config.effective());
        System.out.printf("peak live requested = %.1f MiB, peak mapped = %.1f MiB, ratio = %.3f%n",
                f.peakLiveRequestedBytes() / 1048576.0, f.stats().peakBytesMapped() / 1048576.0, f.mappedOverLive());
        System.out.println(f.stats().osStatsLine());
    }
}
