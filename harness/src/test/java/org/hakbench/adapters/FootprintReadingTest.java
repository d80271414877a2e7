package org.hakbench.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.hakbench.child.ChildLauncher;
import org.hakbench.child.ChildMode;
import org.hakbench.child.ChildOutcome;
import org.hakbench.child.ChildSpec;
import org.hakbench.child.ProcessMemory;
import org.hakbench.nativeaccess.NativeMemory;
import org.hakbench.soak.SoakRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each allocator's own resident figure ({@link AllocatorAdapter#footprint()}) against the kernel: in a
 * child JVM with the allocator preloaded, 96 MiB are allocated and written; the allocator's resident
 * bytes must grow by about that much, and by about as much as the process's anonymous RSS did. A
 * reading of the wrong field, in the wrong unit or of the wrong library cannot pass.
 */
class FootprintReadingTest {
    /** 48 MiB in 1 KiB blocks (small-object paths) and 48 MiB in 256 KiB blocks (large paths). */
    static final long SMALL_BYTES = 1024;
    static final int SMALL_COUNT = 48 * 1024;
    static final long LARGE_BYTES = 256 * 1024;
    static final int LARGE_COUNT = 192;
    static final long TOTAL_BYTES = SMALL_BYTES * SMALL_COUNT + LARGE_BYTES * LARGE_COUNT;

    public record Probe(String allocator) {
    }

    /** Allocator figures and RssAnon before and after the allocations (bytes; null where unknown). */
    public record Readings(String source, Long residentBefore, Long residentAfter, Long inUseBefore, Long inUseAfter,
                           long anonRssBefore, long anonRssAfter) {
    }

    public static final class FootprintProbe implements ChildMode<Probe, Readings> {
        @Override
        public Class<Probe> configType() {
            return Probe.class;
        }

        @Override
        public Readings run(Probe probe) {
            try (AllocatorAdapter a = Allocators.createAdapter(Allocators.byName(probe.allocator()))) {
                boolean isNull = a.name().equals("null");
                // warm the allocator and the reading itself, so neither counts its own start-up
                a.free(a.malloc(64));
                a.footprint();
                long[] blocks = new long[SMALL_COUNT + LARGE_COUNT];
                AllocatorFootprint before = a.footprint();
                long rssBefore = ProcessMemory.anonRssKiB() * 1024;
                for (int i = 0; i < blocks.length; i++) {
                    long size = isNull || i < SMALL_COUNT ? SMALL_BYTES : LARGE_BYTES;
                    blocks[i] = a.malloc(size);
                    NativeMemory.fill(blocks[i], size, (byte) 1);
                }
                AllocatorFootprint after = a.footprint();
                long rssAfter = ProcessMemory.anonRssKiB() * 1024;
                if (!isNull) {
                    for (long b : blocks) {
                        a.free(b);
                    }
                }
                return new Readings(a.footprintSource(), before.residentBytes(), after.residentBytes(), before.inUseBytes(),
                        after.inUseBytes(), rssBefore, rssAfter);
            }
        }
    }

    private static Readings probe(String allocator) {
        AllocatorSpec spec = Allocators.byName(allocator);
        assumeTrue(spec.available(), () -> allocator + " is not installed here: " + spec.installHint());
        ChildOutcome outcome = new ChildLauncher().run(ChildSpec.of(FootprintProbe.class, new Probe(allocator), Duration.ofSeconds(120))
                .withPreload(spec.preloadLibrary())
                // the soak child's JVM (heap touched up front), so Java objects a Java allocator makes
                // on the way (Netty's ByteBufs) do not count as RSS growth, as in a soak
                .withJvmOptions(SoakRunner.CHILD_JVM_OPTIONS));
        assertTrue(outcome.ok(), () -> outcome.failureReason() + "\n" + outcome.stderrTail());
        return outcome.result(Readings.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hakmem", "glibc", "mimalloc", "jemalloc", "tcmalloc", "netty"})
    void residentBytesGrowWithTheWrittenBlocksAsTheKernelSees(String allocator) {
        Readings r = probe(allocator);
        assertNotNull(r.residentBefore(), r.source());
        long allocatorGrowth = r.residentAfter() - r.residentBefore();
        long kernelGrowth = r.anonRssAfter() - r.anonRssBefore();
        String figures = allocator + ": allocator resident +" + allocatorGrowth / 1024 + " KiB, RssAnon +" + kernelGrowth / 1024
                + " KiB, written " + TOTAL_BYTES / 1024 + " KiB (" + r.source() + ")";
        // the blocks were written, so the kernel saw them
        assertTrue(kernelGrowth >= TOTAL_BYTES * 0.9, figures);
        // the blocks' bytes plus per-block headers, size-class rounding and memory committed ahead
        // (mimalloc commits whole segment ranges): at most 30% over what was written
        assertTrue(allocatorGrowth >= TOTAL_BYTES * 0.95 && allocatorGrowth <= TOTAL_BYTES * 1.3, figures);
        // an upper bound of what is resident: never less than the kernel saw grow (8 MiB for the JVM's
        // own pages the same interval may have touched)
        assertTrue(kernelGrowth <= allocatorGrowth + (8 << 20), figures);
        if (r.inUseAfter() != null) {
            // the JVM's own mallocs go to a preloaded allocator too and may be freed meanwhile: 3% slack
            long inUseGrowth = r.inUseAfter() - r.inUseBefore();
            assertTrue(inUseGrowth >= TOTAL_BYTES * 0.97 && inUseGrowth <= allocatorGrowth * 1.05,
                    figures + ", in use +" + inUseGrowth / 1024 + " KiB");
        }
    }

    @Test
    void nullAllocatorReportsItsFixedRegion() {
        Readings r = probe("null");
        assertEquals(NullAdapter.REGION_BYTES, r.residentBefore());
        assertEquals(NullAdapter.REGION_BYTES, r.residentAfter());
        assertTrue(r.anonRssAfter() - r.anonRssBefore() < (4 << 20), "null allocator's writes stay in its region: RssAnon +"
                + (r.anonRssAfter() - r.anonRssBefore()) / 1024 + " KiB");
    }
}
