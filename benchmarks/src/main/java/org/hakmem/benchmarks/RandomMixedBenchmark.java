package org.hakmem.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The random_mixed loop of WORKLOAD.md, one "op" = one malloc or one free, so JMH's ops/s is the
 * workload's ops/s. The loop state (PRNG, slots, index) carries over between invocations, exactly as
 * one long run of the loop would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m"})
public class RandomMixedBenchmark {
    static final int OPS = 1 << 20;

    @Param({"hakmem", "glibc", "glibc-critical", "mimalloc", "mimalloc-critical", "null"})
    public String allocator;

    @Param({"400"})
    public int ws;

    private BenchAllocator heap;
    private long[] slots;
    private long state;
    private long iteration;

    @Setup(Level.Trial)
    public void setUp() {
        heap = BenchAllocator.named(allocator);
        slots = new long[ws];
        state = 42;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != 0) {
                heap.free(slots[i]);
                slots[i] = 0;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long randomMixed() {
        final BenchAllocator heap = this.heap;
        final long[] slots = this.slots;
        final int ws = slots.length;
        long s = state;
        long i = iteration;
        final long end = i + OPS;
        for (; i < end; i++) {
            long x = s;
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            s = x;
            long r = x * 0x2545F4914F6CDD1DL;
            // The same arithmetic as hakbench's loop and its C twin: r >>> 32 < 2^32 and ws is an
            // int, so a 32-bit unsigned modulo is WORKLOAD.md's (r >>> 32) mod ws exactly; r & 0xFFFF
            // is non-negative, so % by the constant 1009 is the unsigned modulo, which the JIT turns
            // into a multiply (Long.remainderUnsigned by a constant stays a 64-bit divide).
            int idx = Integer.remainderUnsigned((int) (r >>> 32), ws);
            long p = slots[idx];
            if (p != 0) {
                heap.free(p);
                slots[idx] = 0;
            } else {
                long size = 16 + (r & 0xFFFF) % 1009;
                p = heap.malloc(size, i);
                BenchAllocator.touch(p, (byte) i);
                BenchAllocator.touch(p + size - 1, (byte) i);
                slots[idx] = p;
            }
        }
        state = s;
        iteration = i;
        return s;
    }
}
