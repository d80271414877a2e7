package org.hakmem.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import org.hakmem.allocator.Hakmem;

/**
 * The allocators the benchmarks compare, behind one small interface; a JMH fork uses exactly one,
 * so the call site stays monomorphic and the JIT inlines it. Every FFM downcall and raw memory
 * write of the benchmarks lives in this file.
 */
public abstract class BenchAllocator {
    /** Where the Debian package libmimalloc2.0 puts the library. */
    static final String MIMALLOC_LIBRARY = "libmimalloc.so.2";
    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /** A block of at least byteSize bytes; iteration is the loop index (the null allocator uses it). */
    public abstract long malloc(long byteSize, long iteration);

    public abstract void free(long address);

    public static void touch(long address, byte value) {
        EVERYTHING.set(ValueLayout.JAVA_BYTE, address, value);
    }

    public static BenchAllocator named(String name) {
        return switch (name) {
            case "hakmem" -> { Hakmem.instance(); yield new HakmemBench(); }
            case "glibc" -> Native.of(Linker.nativeLinker().defaultLookup(), "malloc", "free", false);
            case "glibc-critical" -> Native.of(Linker.nativeLinker().defaultLookup(), "malloc", "free", true);
            case "mimalloc" -> Native.of(mimalloc(), "mi_malloc", "mi_free", false);
            case "mimalloc-critical" -> Native.of(mimalloc(), "mi_malloc", "mi_free", true);
            case "null" -> new NullBench();
            default -> throw new IllegalArgumentException("allocator=" + name
                    + ": expected hakmem, glibc, glibc-critical, mimalloc, mimalloc-critical or null");
        };
    }

    private static SymbolLookup mimalloc() {
        try {
            return SymbolLookup.libraryLookup(MIMALLOC_LIBRARY, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(MIMALLOC_LIBRARY + " not found: install the Debian package libmimalloc2.0", e);
        }
    }

    /** The default instance through the static API, the path hakbench's child and most programs take. */
    static final class HakmemBench extends BenchAllocator {
        @Override
        public long malloc(long byteSize, long iteration) {
            return Hakmem.malloc(byteSize);
        }

        @Override
        public void free(long address) {
            Hakmem.free(address);
        }
    }

    /**
     * A C allocator called by FFM downcall. critical = Linker.Option.critical(false): no thread
     * state transition around the call, the fastest way Java can reach malloc; the plain variant is
     * what most FFM code does. Both are measured so neither side gets a straw man.
     */
    static final class Native extends BenchAllocator {
        private final MethodHandle malloc;
        private final MethodHandle free;

        private Native(MethodHandle malloc, MethodHandle free) {
            this.malloc = malloc;
            this.free = free;
        }

        static Native of(SymbolLookup lookup, String mallocName, String freeName, boolean critical) {
            Linker linker = Linker.nativeLinker();
            Linker.Option[] options = critical ? new Linker.Option[] {Linker.Option.critical(false)} : new Linker.Option[0];
            return new Native(
                    linker.downcallHandle(lookup.findOrThrow(mallocName),
                            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), options),
                    linker.downcallHandle(lookup.findOrThrow(freeName),
                            FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), options));
        }

        @Override
        public long malloc(long byteSize, long iteration) {
            try {
                return (long) malloc.invokeExact(byteSize);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public void free(long address) {
            try {
                free.invokeExact(address);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** WORKLOAD.md's null allocator: the loop's own cost. */
    static final class NullBench extends BenchAllocator {
        private final long base;

        NullBench() {
            MemorySegment region = Arena.global().allocate((1 << 20) + 2048, 16);
            region.fill((byte) 0);   // pre-touched
            this.base = region.address();
        }

        @Override
        public long malloc(long byteSize, long iteration) {
            return base + ((iteration & 0xFFFF) << 4);
        }

        @Override
        public void free(long address) {
        }
    }
}
