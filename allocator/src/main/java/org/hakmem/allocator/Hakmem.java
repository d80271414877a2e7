package org.hakmem.allocator;

import java.lang.foreign.SegmentAllocator;

import org.hakmem.allocator.internal.Core;

/**
 * The process-wide hakmem allocator, configured from the {@code HAKMEM_*} environment on first
 * use. A drop-in for malloc/free on raw addresses:
 *
 * <pre>{@code
 * long p = Hakmem.malloc(100);
 * MemorySegment s = MemorySegment.ofAddress(p).reinterpret(100);
 * s.set(ValueLayout.JAVA_INT, 0, 42);
 * Hakmem.free(p);
 * }</pre>
 */
public final class Hakmem {
    private Hakmem() {
    }

    /** Holder idiom: the default instance is built on first use, and a bad environment is reported on every call. */
    private static final class Default {
        static final HakmemAllocator INSTANCE;
        /** INSTANCE's core, a constant to the JIT: the static malloc and free skip loading it from the instance. */
        static final Core CORE;
        static final IllegalArgumentException ERROR;

        static {
            HakmemAllocator instance = null;
            IllegalArgumentException error = null;
            try {
                AllocatorConfig config = AllocatorConfig.fromEnvironment();
                instance = new HakmemAllocator(config, true);
                if (config.osStats()) {
                    HakmemAllocator printed = instance;
                    Runtime.getRuntime().addShutdownHook(new Thread(
                            () -> System.err.println(printed.stats().osStatsLine()), "hakmem-os-stats"));
                }
            } catch (IllegalArgumentException e) {
                error = e;
            }
            INSTANCE = instance;
            CORE = instance == null ? null : instance.core();
            ERROR = error;
        }
    }

    /** The default instance; a bad HAKMEM_* variable is an IllegalArgumentException naming it. */
    public static HakmemAllocator instance() {
        HakmemAllocator instance = Default.INSTANCE;
        if (instance == null) {
            throw new IllegalArgumentException(Default.ERROR.getMessage(), Default.ERROR);
        }
        return instance;
    }

    /** An independent instance with its own memory and counters; close it when done. */
    public static HakmemAllocator create(AllocatorConfig config) {
        return new HakmemAllocator(config, false);
    }

    public static long malloc(long byteSize) {
        return core().malloc(byteSize);
    }

    public static void free(long address) {
        core().free(address);
    }

    private static Core core() {
        final Core core = Default.CORE;
        if (core == null) {
            instance();     // throws the environment's error
        }
        return core;
    }

    public static long calloc(long count, long byteSize) {
        return instance().calloc(count, byteSize);
    }

    public static long realloc(long address, long newByteSize) {
        return instance().realloc(address, newByteSize);
    }

    public static long usableSize(long address) {
        return instance().usableSize(address);
    }

    public static AllocatorStats stats() {
        return instance().stats();
    }

    /** A confined arena over the default instance: see {@link HakmemAllocator#confinedArena()}. */
    public static java.lang.foreign.Arena confinedArena() {
        return instance().confinedArena();
    }

    /** A shared arena over the default instance: see {@link HakmemAllocator#sharedArena()}. */
    public static java.lang.foreign.Arena sharedArena() {
        return instance().sharedArena();
    }

    public static SegmentAllocator segmentAllocator() {
        return instance().segmentAllocator();
    }
}
