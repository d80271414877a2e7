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

    /** True when everything it needs is on this machine (preloaded competitors: the .so; C twins: also gcc). */
    public boolean available() {
        return (preloadLibrary == null || Files.isReadable(preloadLibrary))
                && (kind != AllocatorKind.NATIVE_TWIN || org.hakbench.child.NativeTwin.buildProblem() == null);
    }

    /** One line telling how to make it available, for skip messages. */
    public String installHint() {
        if (preloadLibrary != null && !Files.isReadable(preloadLibrary)) {
            return preloadLibrary + " not found; install the Debian package " + debianPackage
                    + " (apt-get install " + debianPackage + ")";
        }
        String build = kind == AllocatorKind.NATIVE_TWIN ? org.hakbench.child.NativeTwin.buildProblem() : null;
        return build != null ? build : name + " is available";
    }

    /** For a C twin: the allocator it runs ("mimalloc" for native:mimalloc, "null" for native:null); else its own name. */
    public String baseName() {
        return kind == AllocatorKind.NATIVE_TWIN ? name.substring(Allocators.NATIVE_PREFIX.length()) : name;
    }
}
