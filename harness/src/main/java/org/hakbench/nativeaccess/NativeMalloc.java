package org.hakbench.nativeaccess;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@code malloc} and {@code free} of the process's C allocator, by FFM downcall: glibc normally, or
 * the library {@code LD_PRELOAD} put first (mimalloc, jemalloc, tcmalloc), exactly as a C program's
 * calls would bind.
 *
 * <p>Why {@code dlsym(RTLD_DEFAULT, ...)} and not {@code Linker.defaultLookup().find("malloc")}: on
 * Linux the default lookup resolves through the JDK's own {@code libsyslookup.so} handle, whose
 * scope is that library and libc, so it returns <b>glibc's</b> malloc even when another allocator is
 * preloaded (checked on JDK 25 against libmimalloc / libjemalloc via /proc/self/maps). The global
 * scope ({@code RTLD_DEFAULT} = null handle) starts with the preloaded objects, like symbol
 * binding in a C executable. {@link #mallocLibrary()} says which file actually answers.
 *
 * <p>The handles are created with {@code Linker.Option.critical(false)}: no thread-state transition
 * around the call (malloc/free neither block for long nor call back into Java), so every competitor
 * gets its fastest call path. The same option is the cost paid by the Java allocators' peers.
 */
@SuppressWarnings("restricted")   // this package is where the harness is allowed restricted FFM calls
public final class NativeMalloc {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemorySegment MALLOC_SYMBOL = globalSymbol("malloc");
    private static final MemorySegment FREE_SYMBOL = globalSymbol("free");
    private static final MethodHandle MALLOC = LINKER.downcallHandle(MALLOC_SYMBOL,
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), Linker.Option.critical(false));
    private static final MethodHandle FREE = LINKER.downcallHandle(FREE_SYMBOL,
            FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), Linker.Option.critical(false));

    private NativeMalloc() {
    }

    /** C {@code malloc(byteSize)}; 0 when the C allocator fails. */
    public static long malloc(long byteSize) {
        try {
            return (long) MALLOC.invokeExact(byteSize);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** C {@code free(address)}. A bad address is undefined behaviour in C and may crash the JVM. */
    public static void free(long address) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Address of the {@code malloc} the downcalls use. */
    public static long mallocAddress() {
        return MALLOC_SYMBOL.address();
    }

    /** The mapped file that contains the {@code malloc} the downcalls use, e.g. /usr/lib/x86_64-linux-gnu/libc.so.6. */
    public static String mallocLibrary() {
        return ProcessMaps.fileContaining(MALLOC_SYMBOL.address());
    }

    /** {@code dlsym(RTLD_DEFAULT, name)}: the global definition of {@code name}, preloads first. */
    static MemorySegment globalSymbol(String name) {
        MemorySegment dlsym = LINKER.defaultLookup().find("dlsym")
                .orElseThrow(() -> new IllegalStateException("dlsym not found in the C library"));
        MethodHandle handle = LINKER.downcallHandle(dlsym,
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment symbol = (MemorySegment) handle.invokeExact(MemorySegment.NULL, arena.allocateFrom(name));
            if (symbol.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("symbol not found in the process: " + name);
            }
            return symbol;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("dlsym(" + name + ") failed", t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
