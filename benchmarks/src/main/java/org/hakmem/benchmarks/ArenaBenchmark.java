package org.hakmem.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;

import org.hakmem.allocator.Hakmem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An arena's life as Java programs use it: open, {@code allocationsPerArena} zeroed allocations of
 * {@code byteSize} each (one byte written in each, as a program would), close. hakmem's arenas
 * against the JDK's confined, shared and automatic ones; time per arena, so the k = 1 case is the
 * "single allocate-and-close" of a short-lived buffer. (ofAuto's close is the GC's: its figure is the
 * allocation side only.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms256m", "-Xmx256m"})
public class ArenaBenchmark {
    @Param({"hakmem-confined", "hakmem-shared", "jdk-confined", "jdk-shared", "jdk-auto"})
    public String arena;

    @Param({"16", "256", "1024"})
    public long byteSize;

    @Param({"1", "16", "256"})
    public int allocationsPerArena;

    private java.util.function.Supplier<Arena> opener;
    private boolean closes;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        opener = opener(arena);
        closes = !arena.equals("jdk-auto");
    }

    @Benchmark
    public void openAllocateClose(Blackhole bh) {
        final long size = byteSize;
        final int k = allocationsPerArena;
        Arena a = opener.get();
        for (int i = 0; i < k; i++) {
            MemorySegment s = a.allocate(size);
            s.set(ValueLayout.JAVA_BYTE, 0, (byte) i);
            bh.consume(s);
        }
        if (closes) {
            a.close();
        }
    }

    private static java.util.function.Supplier<Arena> opener(String kind) {
        return switch (kind) {
            case "hakmem-confined" -> Hakmem::confinedArena;
            case "hakmem-shared" -> Hakmem::sharedArena;
            case "jdk-confined" -> Arena::ofConfined;
            case "jdk-shared" -> Arena::ofShared;
            case "jdk-auto" -> Arena::ofAuto;
            default -> throw new IllegalArgumentException("arena=" + kind);
        };
    }
}
