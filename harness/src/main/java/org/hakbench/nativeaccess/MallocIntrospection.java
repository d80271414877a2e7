package org.hakbench.nativeaccess;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Each C allocator's own account of the memory it holds, read through its introspection call in the
 * global symbol scope (so the preloaded library answers, as for {@link NativeMalloc}):
 * glibc {@code mallinfo2()}, mimalloc {@code mi_process_info()}, jemalloc {@code mallctl("stats.*")}
 * after an {@code epoch} refresh, tcmalloc {@code MallocExtension_GetNumericProperty()}.
 *
 * <p>Each reader owns its output buffers (allocated once, in an automatic arena), so a reading made
 * once per soak epoch leaves no garbage and no native allocation behind. A reader is not thread-safe:
 * the soak reads from its loop thread only.
 */
@SuppressWarnings("restricted")   // this package is where the harness is allowed restricted FFM calls
public final class MallocIntrospection {

    /** Bytes as the allocator reports them; a null field is a figure this allocator does not give. */
    public record Reading(Long residentBytes, Long mappedBytes, Long inUseBytes) {
    }

    /** One allocator's reading call. */
    public interface Reader {
        Reading read();

        /** The call behind the figures and how they are derived, e.g. "mallinfo2: arena + hblkhd". */
        String source();
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;

    private MallocIntrospection() {
    }

    /**
     * The reader for a C allocator by registry name (glibc, mimalloc, jemalloc, tcmalloc), bound to the
     * process's symbol of that name; throws IllegalStateException when the symbol is missing (the
     * library is not the one loaded), IllegalArgumentException for another name.
     */
    public static Reader forAllocator(String name) {
        return switch (name) {
            case "glibc" -> new Glibc();
            case "mimalloc" -> new Mimalloc();
            case "jemalloc" -> new Jemalloc();
            case "tcmalloc" -> new Tcmalloc();
            default -> throw new IllegalArgumentException("no introspection call known for allocator=" + name);
        };
    }

    private static MethodHandle downcall(String symbol, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(NativeMalloc.globalSymbol(symbol), descriptor);
    }

    private static RuntimeException failed(String call, Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(call + " failed", t);
    }

    /**
     * {@code struct mallinfo2 mallinfo2(void)}: ten size_t fields, summed over all arenas. glibc knows
     * no resident figure; memory it holds from the OS is the arenas' extent ({@code arena}, trimmed
     * tops already returned) plus its direct mappings ({@code hblkhd}).
     */
    private static final class Glibc implements Reader {
        private static final int ARENA = 0;
        private static final int HBLKHD = 4;
        private static final int UORDBLKS = 7;
        private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(SIZE_T.withName("arena"),
                SIZE_T.withName("ordblks"), SIZE_T.withName("smblks"), SIZE_T.withName("hblks"), SIZE_T.withName("hblkhd"),
                SIZE_T.withName("usmblks"), SIZE_T.withName("fsmblks"), SIZE_T.withName("uordblks"),
                SIZE_T.withName("fordblks"), SIZE_T.withName("keepcost"));
        private final MethodHandle mallinfo2 = downcall("mallinfo2", FunctionDescriptor.of(MALLINFO2));
        /** The returned struct lands here every time (a prefix allocator hands out the same bytes). */
        private final SegmentAllocator out = SegmentAllocator.prefixAllocator(Arena.ofAuto().allocate(MALLINFO2));

        @Override
        public Reading read() {
            try {
                MemorySegment s = (MemorySegment) mallinfo2.invokeExact(out);
                long arena = s.getAtIndex(SIZE_T, ARENA);
                long mapped = s.getAtIndex(SIZE_T, HBLKHD);
                long used = s.getAtIndex(SIZE_T, UORDBLKS);
                return new Reading(arena + mapped, arena + mapped, used + mapped);
            } catch (Throwable t) {
                throw failed("mallinfo2", t);
            }
        }

        @Override
        public String source() {
            return "mallinfo2: resident = mapped = arena + hblkhd (glibc tracks no resident figure), in use = uordblks + hblkhd";
        }
    }

    /**
     * {@code mi_process_info(...)}: eight size_t out-parameters. Its {@code current_commit} is
     * mimalloc's own count of committed bytes (kept in release builds); on Linux its
     * {@code current_rss} is that same figure.
     */
    private static final class Mimalloc implements Reader {
        private static final int CURRENT_COMMIT = 5;
        private final MethodHandle processInfo;
        private final MemorySegment out = Arena.ofAuto().allocate(8 * Long.BYTES, Long.BYTES);
        private final MemorySegment[] field = new MemorySegment[8];

        Mimalloc() {
            ValueLayout a = ValueLayout.ADDRESS;
            processInfo = downcall("mi_process_info", FunctionDescriptor.ofVoid(a, a, a, a, a, a, a, a));
            for (int i = 0; i < field.length; i++) {
                field[i] = out.asSlice((long) i * Long.BYTES, Long.BYTES);
            }
        }

        @Override
        public Reading read() {
            try {
                MemorySegment[] f = field;
                processInfo.invokeExact(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
                long commit = out.getAtIndex(SIZE_T, CURRENT_COMMIT);
                return new Reading(commit, null, null);
            } catch (Throwable t) {
                throw failed("mi_process_info", t);
            }
        }

        @Override
        public String source() {
            return "mi_process_info: resident = current_commit (mapped and in use not given)";
        }
    }

    /**
     * {@code mallctl(name, oldp, oldlenp, newp, newlen)}; statistics are a snapshot that only an
     * {@code epoch} write refreshes. {@code stats.resident} is jemalloc's upper bound of its resident
     * data pages (metadata included).
     */
    private static final class Jemalloc implements Reader {
        private final MethodHandle mallctl;
        private final Arena arena = Arena.ofAuto();
        private final MemorySegment epochName = arena.allocateFrom("epoch");
        private final MemorySegment residentName = arena.allocateFrom("stats.resident");
        private final MemorySegment mappedName = arena.allocateFrom("stats.mapped");
        private final MemorySegment allocatedName = arena.allocateFrom("stats.allocated");
        private final MemorySegment value = arena.allocate(Long.BYTES, Long.BYTES);
        private final MemorySegment length = arena.allocate(Long.BYTES, Long.BYTES);

        Jemalloc() {
            ValueLayout a = ValueLayout.ADDRESS;
            mallctl = downcall("mallctl", FunctionDescriptor.of(ValueLayout.JAVA_INT, a, a, a, a, SIZE_T));
        }

        @Override
        public Reading read() {
            value.set(SIZE_T, 0, 1);
            call(epochName, value, value);
            return new Reading(get(residentName), get(mappedName), get(allocatedName));
        }

        private long get(MemorySegment name) {
            call(name, value, MemorySegment.NULL);
            return value.get(SIZE_T, 0);
        }

        private void call(MemorySegment name, MemorySegment old, MemorySegment newValue) {
            length.set(SIZE_T, 0, Long.BYTES);
            int rc;
            try {
                rc = (int) mallctl.invokeExact(name, old, length, newValue, newValue.equals(MemorySegment.NULL) ? 0L : Long.BYTES);
            } catch (Throwable t) {
                throw failed("mallctl", t);
            }
            if (rc != 0) {
                throw new IllegalStateException("mallctl(" + name.getString(0) + ") returned " + rc);
            }
        }

        @Override
        public String source() {
            return "mallctl after epoch: resident = stats.resident, mapped = stats.mapped, in use = stats.allocated";
        }
    }

    /**
     * {@code int MallocExtension_GetNumericProperty(const char*, size_t*)}, 1 when the property exists.
     * The page heap's unmapped bytes are released to the OS but still counted in its heap size.
     */
    private static final class Tcmalloc implements Reader {
        private final MethodHandle property;
        private final Arena arena = Arena.ofAuto();
        private final MemorySegment heapSize = arena.allocateFrom("generic.heap_size");
        private final MemorySegment unmapped = arena.allocateFrom("tcmalloc.pageheap_unmapped_bytes");
        private final MemorySegment allocated = arena.allocateFrom("generic.current_allocated_bytes");
        private final MemorySegment value = arena.allocate(Long.BYTES, Long.BYTES);

        Tcmalloc() {
            ValueLayout a = ValueLayout.ADDRESS;
            property = downcall("MallocExtension_GetNumericProperty", FunctionDescriptor.of(ValueLayout.JAVA_INT, a, a));
        }

        @Override
        public Reading read() {
            long heap = get(heapSize);
            long released = get(unmapped);
            return new Reading(heap - released, heap, get(allocated));
        }

        private long get(MemorySegment name) {
            int ok;
            try {
                ok = (int) property.invokeExact(name, value);
            } catch (Throwable t) {
                throw failed("MallocExtension_GetNumericProperty", t);
            }
            if (ok == 0) {
                throw new IllegalStateException("tcmalloc has no property " + name.getString(0));
            }
            return value.get(SIZE_T, 0);
        }

        @Override
        public String source() {
            return "MallocExtension_GetNumericProperty: resident = generic.heap_size - tcmalloc.pageheap_unmapped_bytes, "
                    + "mapped = generic.heap_size, in use = generic.current_allocated_bytes";
        }
    }
}
