package org.hakmem.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one malloc + free pair per tiny class C0..C7, in ns. A batch of 32 blocks is taken and
 * given back, so the pair is not the trivial "same block again" case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms256m", "-Xmx256m"})
public class MallocFreePairBenchmark {
    private static final int BATCH = 32;

    @Param({"hakmem", "glibc-critical", "mimalloc-critical"})
    public String allocator;

    /** The top of each tiny class C0..C7. */
    @Param({"8", "16", "32", "64", "128", "256", "512", "1024"})
    public long byteSize;

    private BenchAllocator heap;
    private final long[] blocks = new long[BATCH];

    @Setup
    public void setUp() {
        heap = BenchAllocator.named(allocator);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void mallocFreePair() {
        final BenchAllocator heap = this.heap;
        final long[] blocks = this.blocks;
        final long size = byteSize;
        for (int i = 0; i < BATCH; i++) {
            blocks[i] = heap.malloc(size, i);
        }
        for (int i = 0; i < BATCH; i++) {
            heap.free(blocks[i]);
        }
    }
}
