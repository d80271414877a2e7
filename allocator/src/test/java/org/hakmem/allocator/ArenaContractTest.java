package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * hakmem's arenas against the contract of java.lang.foreign.Arena, checked side by side with the
 * JDK's own arenas where the JDK defines the behaviour: scope, close, confinement, alignment, zeroing,
 * sizes 0..large, bad arguments.
 */
class ArenaContractTest {
    private final HakmemAllocator heap = Hakmem.create(AllocatorConfig.defaults());

    private final List<Thread> spawned = new ArrayList<>();

    /** Threads of the test, joined before the instance is closed (close refuses while users live). */
    private void spawn(Runnable body) {
        spawned.add(Thread.ofPlatform().start(body));
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws InterruptedException {
        for (Thread t : spawned) {
            t.join();
        }
        heap.close();
    }

    private List<Function<HakmemAllocator, Arena>> both() {
        return List.of(HakmemAllocator::confinedArena, HakmemAllocator::sharedArena);
    }

    @Test
    void segmentsAreAliveUntilCloseAndThrowAfterItAsTheJdksDo() {
        for (Function<HakmemAllocator, Arena> kind : both()) {
            Arena arena = kind.apply(heap);
            MemorySegment s = arena.allocate(64);
            s.set(ValueLayout.JAVA_LONG, 8, 42);
            assertEquals(42, s.get(ValueLayout.JAVA_LONG, 8));
            assertTrue(arena.scope().isAlive() && s.scope().equals(arena.scope()));
            arena.close();
            assertFalse(arena.scope().isAlive());
            assertThrows(IllegalStateException.class, () -> s.get(ValueLayout.JAVA_LONG, 8), "access after close");
            assertThrows(IllegalStateException.class, () -> arena.allocate(8), "allocate after close");
            assertThrows(IllegalStateException.class, arena::close, "second close");
        }
        try (Arena jdk = Arena.ofConfined()) {
            jdk.allocate(8);
        } // the JDK's behaviour this mirrors: second close throws IllegalStateException too
    }

    @Test
    void closeFreesEveryBlock() {
        long before = heap.stats().bytesInUse();
        for (Function<HakmemAllocator, Arena> kind : both()) {
            try (Arena arena = kind.apply(heap)) {
                for (int i = 0; i < 10_000; i++) {
                    arena.allocate(16 + i % 1000);
                }
                arena.allocate(1 << 20);   // a large block too
                assertTrue(heap.stats().bytesInUse() > before + 10_000 * 16);
            }
            heap.collect();
            assertEquals(before, heap.stats().bytesInUse(), "every block of the arena is free after close");
        }
    }

    @Test
    void aConfinedArenaRefusesOtherThreadsAndASharedOneServesThem() throws Exception {
        try (Arena confined = heap.confinedArena()) {
            MemorySegment s = confined.allocate(32);
            assertWrongThread(() -> confined.allocate(8));
            assertWrongThread(() -> s.get(ValueLayout.JAVA_BYTE, 0));
            assertWrongThread(confined::close);
            assertTrue(confined.scope().isAlive(), "a refused close frees nothing");
            s.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
        }
        Arena shared = heap.sharedArena();
        MemorySegment s = shared.allocate(32);
        List<CompletableFuture<MemorySegment>> others = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            others.add(CompletableFuture.supplyAsync(() -> {
                MemorySegment mine = shared.allocate(128);
                mine.set(ValueLayout.JAVA_INT, 0, 7);
                s.get(ValueLayout.JAVA_BYTE, 0);
                return mine;
            }, this::spawn));
        }
        for (CompletableFuture<MemorySegment> f : others) {
            assertEquals(7, f.get().get(ValueLayout.JAVA_INT, 0));
        }
        CompletableFuture.runAsync(shared::close, this::spawn).get();   // any thread may close it
        assertFalse(shared.scope().isAlive());
    }

    private static void assertWrongThread(Runnable action) throws InterruptedException {
        Throwable[] thrown = new Throwable[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        t.join();
        assertTrue(thrown[0] instanceof WrongThreadException, String.valueOf(thrown[0]));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 8, 16, 32, 64, 128, 256, 4096, 65536, 1 << 21})
    void segmentsAreAlignedAsAsked(long byteAlignment) {
        for (Function<HakmemAllocator, Arena> kind : both()) {
            try (Arena arena = kind.apply(heap)) {
                for (long size : new long[] {0, 1, 7, 100, 1000, 5000, 100_000}) {
                    MemorySegment s = arena.allocate(size, byteAlignment);
                    assertEquals(0, s.address() % byteAlignment, "size=" + size + " alignment=" + byteAlignment);
                    assertEquals(size, s.byteSize());
                }
            }
        }
    }

    @Test
    void memoryIsZeroedEvenWhenABlockIsReused() {
        for (Function<HakmemAllocator, Arena> kind : both()) {
            for (int round = 0; round < 3; round++) {
                try (Arena arena = kind.apply(heap)) {
                    for (long size : new long[] {8, 24, 100, 1000, 4000, 70_000}) {
                        MemorySegment s = arena.allocate(size);
                        for (long i = 0; i < size; i++) {
                            assertEquals(0, s.get(ValueLayout.JAVA_BYTE, i), "size=" + size + " byte " + i + " round " + round);
                        }
                        s.fill((byte) 0xA5);   // dirty it for the next round, which gets the same blocks back
                    }
                }
            }
        }
    }

    @Test
    void sizesFromZeroToLargeAndZeroSizedSegmentsKeepUniqueAddresses() {
        try (Arena arena = heap.confinedArena()) {
            MemorySegment a = arena.allocate(0);
            MemorySegment b = arena.allocate(0);
            assertEquals(0, a.byteSize());
            assertTrue(a.address() != b.address(), "zero-sized segments keep unique addresses");
            MemorySegment big = arena.allocate(64L << 20);
            big.set(ValueLayout.JAVA_BYTE, big.byteSize() - 1, (byte) 1);
        }
    }

    @Test
    void badArgumentsAreRefusedNamingTheValue() {
        try (Arena arena = heap.confinedArena()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> arena.allocate(-1));
            assertTrue(e.getMessage().contains("byteSize=-1"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> arena.allocate(8, 3));
            assertTrue(e.getMessage().contains("byteAlignment=3"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> arena.allocate(8, 0));
            assertThrows(OutOfMemoryError.class, () -> arena.allocate(Long.MAX_VALUE - 8));
        }
        try (Arena jdk = Arena.ofConfined()) {   // the JDK refuses the same arguments
            assertThrows(IllegalArgumentException.class, () -> jdk.allocate(-1));
            assertThrows(IllegalArgumentException.class, () -> jdk.allocate(8, 3));
        }
    }

    @Test
    void defaultMethodsOfSegmentAllocatorWork() {
        try (Arena arena = Hakmem.confinedArena()) {
            MemorySegment text = arena.allocateFrom("hakmem");
            assertEquals("hakmem", text.getString(0));
            MemorySegment ints = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3);
            assertEquals(3, ints.getAtIndex(ValueLayout.JAVA_INT, 2));
        }
        assertDoesNotThrow(() -> {
            try (Arena arena = Hakmem.sharedArena()) {
                arena.allocate(ValueLayout.JAVA_LONG, 10);
            }
        });
    }

    @Test
    void aSharedArenaClosedWhileAnotherThreadAllocatesNeverLeaksOrFaults() throws Exception {
        for (int round = 0; round < 50; round++) {
            Arena shared = heap.sharedArena();
            CompletableFuture<Integer> allocator = CompletableFuture.supplyAsync(() -> {
                int n = 0;
                try {
                    while (true) {
                        shared.allocate(64).set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
                        n++;
                    }
                } catch (IllegalStateException closed) {
                    return n;
                }
            }, this::spawn);
            Thread.sleep(1);
            shared.close();
            try {
                allocator.get();
            } catch (ExecutionException e) {
                throw new AssertionError("the racing thread failed with other than IllegalStateException", e.getCause());
            }
        }
        heap.collect();
        assertEquals(0, heap.stats().bytesInUse(), "no block of a closed arena stays allocated");
    }
}
