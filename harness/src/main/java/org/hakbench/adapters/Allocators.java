package org.hakbench.adapters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The registry of allocators under test, in the order tables list them. The parent uses it to plan
 * runs (availability, LD_PRELOAD, versions); the child uses {@link #createAdapter} to build the one
 * adapter it measures.
 */
public final class Allocators {

    /** Environment variable naming the directory of the competitor .so files (another multiarch triplet, a local build). */
    public static final String LIBRARY_DIR_VARIABLE = "HAKBENCH_LIBRARY_DIR";
    /** Where Debian's packages put them on amd64. */
    public static final String DEFAULT_LIBRARY_DIR = "/usr/lib/x86_64-linux-gnu";

    private static final String LIB_DIR = System.getenv().getOrDefault(LIBRARY_DIR_VARIABLE, DEFAULT_LIBRARY_DIR) + "/";

    private static final List<AllocatorSpec> ALL = List.of(
            new AllocatorSpec("hakmem", AllocatorKind.EMBEDDED_HAKMEM, null, null, null,
                    "hakmem, pure Java on FFM, in the child JVM"),
            new AllocatorSpec("glibc", AllocatorKind.C_MALLOC, null, "libc6", "libc.so.6",
                    "glibc malloc (system), FFM downcall"),
            new AllocatorSpec("mimalloc", AllocatorKind.C_MALLOC, Path.of(LIB_DIR + "libmimalloc.so.2"), "libmimalloc2.0",
                    LIB_DIR + "libmimalloc.so.2", "mimalloc, LD_PRELOAD + FFM downcall"),
            new AllocatorSpec("jemalloc", AllocatorKind.C_MALLOC, Path.of(LIB_DIR + "libjemalloc.so.2"), "libjemalloc2",
                    LIB_DIR + "libjemalloc.so.2", "jemalloc, LD_PRELOAD + FFM downcall"),
            new AllocatorSpec("tcmalloc", AllocatorKind.C_MALLOC, Path.of(LIB_DIR + "libtcmalloc_minimal.so.4"), "libtcmalloc-minimal4",
                    LIB_DIR + "libtcmalloc_minimal.so.4", "tcmalloc (gperftools minimal), LD_PRELOAD + FFM downcall"),
            new AllocatorSpec("netty", AllocatorKind.NETTY_POOLED, null, null, null,
                    "Netty PooledByteBufAllocator direct buffers (Java)"),
            new AllocatorSpec("null", AllocatorKind.NULL, null, null, null,
                    "null allocator: the loop's own cost (WORKLOAD.md)"));

    /** Names of the C twins: {@code native:<allocator>}. */
    public static final String NATIVE_PREFIX = "native:";

    /** The C twins of the loop, run by rebase as plain processes (the competitor preloaded, no JVM). */
    private static final List<AllocatorSpec> NATIVE = List.of(
            new AllocatorSpec("native:glibc", AllocatorKind.NATIVE_TWIN, null, "libc6", "libc.so.6",
                    "C twin of the loop with glibc malloc (no JVM)"),
            new AllocatorSpec("native:mimalloc", AllocatorKind.NATIVE_TWIN, Path.of(LIB_DIR + "libmimalloc.so.2"), "libmimalloc2.0",
                    LIB_DIR + "libmimalloc.so.2", "C twin of the loop, mimalloc by LD_PRELOAD (no JVM)"),
            new AllocatorSpec("native:jemalloc", AllocatorKind.NATIVE_TWIN, Path.of(LIB_DIR + "libjemalloc.so.2"), "libjemalloc2",
                    LIB_DIR + "libjemalloc.so.2", "C twin of the loop, jemalloc by LD_PRELOAD (no JVM)"),
            new AllocatorSpec("native:tcmalloc", AllocatorKind.NATIVE_TWIN, Path.of(LIB_DIR + "libtcmalloc_minimal.so.4"),
                    "libtcmalloc-minimal4", LIB_DIR + "libtcmalloc_minimal.so.4", "C twin of the loop, tcmalloc by LD_PRELOAD (no JVM)"),
            new AllocatorSpec("native:null", AllocatorKind.NATIVE_TWIN, null, null, null,
                    "C twin of the loop with the null allocator: the native loop's own cost"));

    private Allocators() {
    }

    /** The C twins ({@code native:*}), in table order; only rebase runs them. */
    public static List<AllocatorSpec> natives() {
        return NATIVE;
    }

    /** A JVM allocator or a C twin by name (rebase). */
    public static AllocatorSpec byNameOrNative(String name) {
        return NATIVE.stream().filter(s -> s.name().equals(name)).findFirst().orElseGet(() -> byName(name));
    }

    /**
     * The allocator that ratios are relative to when none is named: mimalloc (the one to beat) if
     * it is among names, else glibc (the process default), else none.
     */
    public static Optional<String> preferredReference(List<String> names) {
        return Stream.of("mimalloc", "glibc").filter(names::contains).findFirst();
    }

    /** Every allocator run in a JVM, in table order (the C twins: {@link #natives()}). */
    public static List<AllocatorSpec> all() {
        return ALL;
    }

    /** Names in table order, for help texts and messages. */
    public static List<String> names() {
        return ALL.stream().map(AllocatorSpec::name).toList();
    }

    /** The allocator called {@code name}; unknown -> IllegalArgumentException naming it and the known ones. */
    public static AllocatorSpec byName(String name) {
        if (name.startsWith(NATIVE_PREFIX) && NATIVE.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("allocator=" + name + ": the C twins run in `hakbench rebase` and `hakbench scale` (larson, xmalloc) only; here use one of "
                    + String.join(", ", names()));
        }
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("allocator=" + name + ": unknown; known: " + String.join(", ", names())));
    }

    /** Debian packages of the preloaded competitors (for the machine fingerprint). */
    public static List<String> debianPackages() {
        List<String> packages = new ArrayList<>();
        for (AllocatorSpec s : ALL) {
            if (s.preloadLibrary() != null) {
                packages.add(s.debianPackage());
            }
        }
        return packages;
    }

    /** Library version of every allocator ("not installed" for missing competitors). */
    public static Map<String, String> libraryVersions() {
        Map<String, String> dpkg = Dpkg.versions(ALL.stream().map(AllocatorSpec::debianPackage).filter(p -> p != null).toList());
        return ALL.stream().collect(Collectors.toMap(AllocatorSpec::name, s -> versionOf(s, dpkg),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Library version of one allocator. */
    public static String libraryVersion(AllocatorSpec spec) {
        if (spec.kind() == AllocatorKind.NATIVE_TWIN) {
            AllocatorSpec base = spec.baseName().equals("null") ? null : byName(spec.baseName());
            return (base == null ? "-" : libraryVersions().get(base.name())) + ", " + org.hakbench.child.NativeTwin.compilerVersion();
        }
        return libraryVersions().get(spec.name());
    }

    private static String versionOf(AllocatorSpec spec, Map<String, String> dpkg) {
        return switch (spec.kind()) {
            case C_MALLOC -> dpkg.getOrDefault(spec.debianPackage(), spec.available() ? "unknown (no dpkg record)" : "not installed");
            case NETTY_POOLED -> {
                io.netty.util.Version v = io.netty.util.Version.identify(Allocators.class.getClassLoader()).get("netty-buffer");
                yield v == null ? "unknown" : v.artifactVersion();
            }
            case EMBEDDED_HAKMEM -> {
                String v = org.hakmem.allocator.Hakmem.class.getPackage().getImplementationVersion();
                yield v == null ? "development build" : v;
            }
            case NULL, NATIVE_TWIN -> "-";
        };
    }

    /**
     * Builds the adapter for {@code spec} inside a child JVM. C allocators are verified: the child
     * fails (and the run is reported failed) when malloc is not answered by the expected library.
     */
    public static AllocatorAdapter createAdapter(AllocatorSpec spec) {
        return switch (spec.kind()) {
            case C_MALLOC -> NativeMallocAdapter.verify(spec.name(), spec.mallocLibrary());
            case NETTY_POOLED -> new NettyAdapter();
            case NULL -> new NullAdapter();
            case EMBEDDED_HAKMEM -> new HakmemAdapter();
            case NATIVE_TWIN -> throw new IllegalArgumentException("allocator=" + spec.name() + ": a C twin runs as its own process, not in a JVM");
        };
    }
}
