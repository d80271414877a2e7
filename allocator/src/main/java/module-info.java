/**
 * hakmem: an off-heap memory allocator on the FFM API. Only {@code org.hakmem.allocator} is
 * exported; the internal packages (thread cache, slabs, OS layer) are hidden.
 *
 * <p>hakmem calls mmap/munmap/madvise through FFM downcalls, which JDK 25 lets only modules with
 * native access make: run module-path users with {@code --enable-native-access=org.hakmem.allocator},
 * class-path users with {@code --enable-native-access=ALL-UNNAMED} (or {@code Enable-Native-Access:
 * ALL-UNNAMED} in an executable jar's manifest). Without it the JDK warns on first use.
 */
module org.hakmem.allocator {
    exports org.hakmem.allocator;
}
