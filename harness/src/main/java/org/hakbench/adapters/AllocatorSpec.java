package org.hakbench.adapters;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One allocator hakbench can measure.
 *
 * @param name          registry name used on the command line
 * @param kind          how the loop reaches it
 * @param preloadLibrary the .so put in LD_PRELOAD of the child JVM, or null (hakmem, glibc, netty, null)
 * @param debianPackage the Debian package that provides its code, or null when it ships in hakbench.jar
 * @param mallocLibrary the library file that must answer {@code malloc} in the child (C_MALLOC only), else null
 * @param description   one line for {@code hakbench allocators} and the markdown table's "Binary type"
 */
public record AllocatorSpec(String name, AllocatorKind kind, Path preloadLibrary, String debianPackage,
                            String mallocLibrary, String description) {

    /** True when everything it needs is on this machine (for preloaded competitors: the .so file). */
    public boolean available() {
        return preloadLibrary == null || Files.isReadable(preloadLibrary);
    }

    /** One line telling how to make it available, for skip messages. */
    public String installHint() {
        return preloadLibrary + " not found; install the Debian package " + debianPackage
                + " (apt-get install " + debianPackage + ")";
    }
}
