package org.hakbench.child;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The C twin of the random_mixed loop ({@code bench_random_mixed.c}, shipped inside hakbench.jar),
 * built with gcc on first use into the directory of hakbench's jar (harness/target/, so {@code mvn clean}
 * removes it), and the command line of one native run. The binary is rebuilt when the source in the jar
 * differs from the copy beside it.
 */
public final class NativeTwin {
    static final String SOURCE_RESOURCE = "/bench_random_mixed.c";
    private static final String BINARY = "bench_random_mixed";
    private static final long BUILD_TIMEOUT_SECONDS = 120;

    private NativeTwin() {
    }

    /** Why the twin cannot be built here (no gcc), or null. */
    public static String buildProblem() {
        return onPath("gcc") ? null : "gcc not found: the C twins (native:*) need it to build bench_random_mixed.c (apt-get install gcc)";
    }

    /** "gcc (Debian 12.2.0-14) 12.2.0", or "gcc unavailable". */
    public static String compilerVersion() {
        if (buildProblem() != null) {
            return "gcc unavailable";
        }
        String out = CommandOutput.run(List.of("gcc", "--version"), java.time.Duration.ofSeconds(10));
        return out == null ? "gcc (version unreadable)" : out.lines().findFirst().orElse("gcc");
    }

    /**
     * The command of one run: the binary (built if needed), then iters, ws, seed, malloc|null, warm-up,
     * the allocator's name (asks for the JSON result line) and "mark" for strace's markers.
     */
    public static List<String> command(String allocatorName, boolean nullAllocator, long iters, int ws, long seed, long warmupIters,
                                       boolean markSyscalls) {
        List<String> c = new ArrayList<>(List.of(binary().toString(), Long.toString(iters), Integer.toString(ws), Long.toString(seed),
                nullAllocator ? "null" : "malloc", Long.toString(warmupIters), allocatorName));
        if (markSyscalls) {
            c.add("mark");
        }
        return c;
    }

    /** The built binary; builds it when missing or stale. Throws IllegalStateException when gcc fails. */
    public static synchronized Path binary() {
        String problem = buildProblem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        Path dir = directory();
        Path source = dir.resolve(BINARY + ".c");
        Path binary = dir.resolve(BINARY);
        try {
            byte[] wanted;
            try (InputStream in = NativeTwin.class.getResourceAsStream(SOURCE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SOURCE_RESOURCE + " is not in hakbench's class path (rebuild the jar)");
                }
                wanted = in.readAllBytes();
            }
            boolean fresh = Files.isExecutable(binary) && Files.isReadable(source)
                    && java.util.Arrays.equals(Files.readAllBytes(source), wanted);
            if (fresh) {
                return binary;
            }
            Files.write(source, wanted);
            Path tmp = dir.resolve(BINARY + ".tmp-" + ProcessHandle.current().pid());
            ProcessBuilder gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Wextra", "-o", tmp.toString(), source.toString())
                    .redirectErrorStream(true);
            gcc.environment().remove("LD_PRELOAD");   // for the benchmark, not for the compiler
            Process p = gcc.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("gcc could not build " + source + ": " + output.strip());
            }
            // rename: a concurrent hakbench never runs a half-written binary
            Files.move(tmp, binary, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the C twin in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the C twin", e);
        }
    }

    /**
     * Beside hakbench's jar, or beside its classes directory (harness/target/, not inside classes/, so
     * the binary never ends up in the jar), when writable; else the temp dir.
     */
    private static Path directory() {
        try {
            Path codeSource = Path.of(NativeTwin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = codeSource.getParent();
            if (dir != null && Files.isWritable(dir)) {
                return dir;
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
