package example;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.hakmem.allocator.Hakmem;

/**
 * hakmem as a Java program uses off-heap memory: an Arena, zeroed segments bound to its scope,
 * freed together at close; and malloc/free by address.
 * Run: java --enable-native-access=org.hakmem.allocator -p hakmem-allocator.jar:arena-hello.jar -m example.arenahello/example.ArenaHello
 */
public final class ArenaHello {
    private ArenaHello() {
    }

    /** Sums 1..n through n ints in a hakmem arena, and one round trip through malloc/free. */
    public static long sum(int n) {
        long total = 0;
        try (Arena arena = Hakmem.confinedArena()) {
            MemorySegment ints = arena.allocate(ValueLayout.JAVA_INT, n);
            for (int i = 0; i < n; i++) {
                ints.setAtIndex(ValueLayout.JAVA_INT, i, i + 1);
            }
            for (int i = 0; i < n; i++) {
                total += ints.getAtIndex(ValueLayout.JAVA_INT, i);
            }
        }
        long p = Hakmem.malloc(64);
        Hakmem.free(p);
        return total;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.println("sum 1.." + n + " through a hakmem arena = " + sum(n));
        Module hakmem = Hakmem.class.getModule();
        System.out.println("hakmem module: " + (hakmem.isNamed() ? hakmem.getName() : "unnamed (class path)")
                + ", internal packages exported: " + hakmem.isExported("org.hakmem.allocator.internal"));
    }
}
