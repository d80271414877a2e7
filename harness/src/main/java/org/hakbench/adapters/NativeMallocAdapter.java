package org.hakbench.adapters;

import org.hakbench.nativeaccess.MallocIntrospection;

import org.hakbench.nativeaccess.NativeMalloc;

/**
 * The process's C allocator by FFM downcall (see {@link NativeMalloc}): glibc, or whichever library
 * the parent put in LD_PRELOAD. {@link #verify} refuses to measure when the library answering
 * {@code malloc} is not the expected one, so a missing preload can never pass as a competitor.
 */
public final class NativeMallocAdapter implements AllocatorAdapter {

    private final String name;
    private final String library;
    /** Bound lazily: a rebase child never reads the footprint and should not pay for the look-up. */
    private MallocIntrospection.Reader introspection;

    private NativeMallocAdapter(String name, String library) {
        this.name = name;
        this.library = library;
    }

    /**
     * Binds to the process's malloc and checks that it lives in {@code expectedLibraryFile}
     * (compared by file name after resolving symlinks, e.g. libmimalloc.so.2 -> libmimalloc.so.2.0).
     */
    public static NativeMallocAdapter verify(String name, String expectedLibraryFile) {
        String actual = NativeMalloc.mallocLibrary();
        String actualReal = realFileName(actual);
        String expectedReal = realFileName(expectedLibraryFile);
        if (!actualReal.equals(expectedReal)) {
            throw new IllegalStateException("allocator=" + name + ": malloc resolves to " + actual
                    + " (" + actualReal + "), expected " + expectedLibraryFile + " (" + expectedReal
                    + "); is LD_PRELOAD=" + System.getenv("LD_PRELOAD") + " set and loadable?");
        }
        return new NativeMallocAdapter(name, actual);
    }

    private static String realFileName(String path) {
        try {
            return java.nio.file.Path.of(path).toRealPath().getFileName().toString();
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return java.nio.file.Path.of(path).getFileName().toString();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long malloc(long byteSize) {
        return NativeMalloc.malloc(byteSize);
    }

    @Override
    public void free(long address) {
        NativeMalloc.free(address);
    }

    @Override
    public AllocatorFootprint footprint() {
        MallocIntrospection.Reading r = introspection().read();
        return new AllocatorFootprint(r.residentBytes(), r.mappedBytes(), r.inUseBytes());
    }

    @Override
    public String footprintSource() {
        return introspection().source();
    }

    private MallocIntrospection.Reader introspection() {
        if (introspection == null) {
            introspection = MallocIntrospection.forAllocator(name);
        }
        return introspection;
    }

    @Override
    public boolean threadSafe() {
        return true;
    }

    @Override
    public String implementation() {
        return "malloc/free by FFM downcall (critical) resolved to " + library;
    }
}
