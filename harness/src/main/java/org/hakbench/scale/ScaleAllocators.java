package org.hakbench.scale;

import java.util.ArrayList;
import java.util.List;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.AllocatorKind;
import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.Allocators;
import org.hakmem.allocator.Hakmem;

/**
 * The allocators {@code hakbench scale} can run: the {@link Allocators} registry plus hakmem (which the
 * registry does not list yet), with the multi-thread-safe netty adapter. Once the registry builds hakmem
 * and a thread-safe netty, this class reduces to it.
 */
public final class ScaleAllocators {
    static final AllocatorSpec HAKMEM = new AllocatorSpec("hakmem", AllocatorKind.EMBEDDED_HAKMEM, null, null, null,
            "hakmem (embedded, pure Java 25 FFM)");

    private ScaleAllocators() {
    }

    /** Every allocator, hakmem first, then the registry's table order. */
    public static List<AllocatorSpec> all() {
        List<AllocatorSpec> all = new ArrayList<>();
        if (Allocators.all().stream().noneMatch(s -> s.kind() == AllocatorKind.EMBEDDED_HAKMEM)) {
            all.add(HAKMEM);
        }
        all.addAll(Allocators.all());
        return all;
    }

    /** The allocator called {@code name}; unknown -> IllegalArgumentException naming it and the known ones. */
    public static AllocatorSpec byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "allocator=" + name + ": unknown; known: " + String.join(", ", all().stream().map(AllocatorSpec::name).toList())));
    }

    /** Builds the adapter a scale child measures; every one is safe to call from many threads. */
    public static AllocatorAdapter createAdapter(AllocatorSpec spec) {
        return switch (spec.kind()) {
            case EMBEDDED_HAKMEM -> new HakmemAdapter(Hakmem.instance());
            case NETTY_POOLED -> new ConcurrentNettyAdapter();
            case C_MALLOC, NULL -> Allocators.createAdapter(spec);
        };
    }

    public static String libraryVersion(AllocatorSpec spec) {
        return spec.kind() == AllocatorKind.EMBEDDED_HAKMEM ? "hakmem " + versionOf(Hakmem.class) : Allocators.libraryVersion(spec);
    }

    private static String versionOf(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
