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
 * The C twins of hakbench's loops, shipped as sources inside hakbench.jar: {@code bench_random_mixed.c}
 * (rebase) and {@code bench_scale.c} (scale's larson and xmalloc). Each is built with gcc on first use
 * into the directory of hakbench's jar (harness/target/, so {@code mvn clean} removes it) and rebuilt
 * when the source in the jar differs from the copy beside it; this class also gives the command line
 * of one native run.
 */
public final class NativeTwin {
    /** The twin programs: their binary name, which is also the stem of their source resource. */
    public enum Program {
        RANDOM_MIXED("bench_random_mixed", false),
        SCALE("bench_scale", false),
        /** A shared library `hakbench record` preloads: starts glibc's mtrace before main. */
        MTRACE_START("hakbench_mtrace_start", true);

        final String binaryName;
        final boolean sharedLibrary;

        Program(String binaryName, boolean sharedLibrary) {
            this.binaryName = binaryName;
            this.sharedLibrary = sharedLibrary;
        }

        String sourceResource() {
            return "/" + binaryName + ".c";
        }
    }

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
        List<String> c = new ArrayList<>(List.of(binary(Program.RANDOM_MIXED).toString(), Long.toString(iters), Integer.toString(ws), Long.toString(seed),
                nullAllocator ? "null" : "malloc", Long.toString(warmupIters), allocatorName));
        if (markSyscalls) {
            c.add("mark");
        }
        return c;
    }

    /**
     * The command of one scale run of the C twin of {@code workload} (larson or xmalloc): threads, iters
     * or duration (the other 0), warm-up steps per thread, seed, malloc|null, the allocator's name, then
     * the workload's parameters as key=value.
     */
    public static List<String> scaleCommand(String workload, String allocatorName, boolean nullAllocator, int threads, long iters,
                                            long durationMillis, long warmupIters, long seed, java.util.Map<String, Long> params) {
        List<String> c = new ArrayList<>(List.of(binary(Program.SCALE).toString(), workload, Integer.toString(threads),
                Long.toString(iters), Long.toString(durationMillis), Long.toString(warmupIters), Long.toString(seed),
                nullAllocator ? "null" : "malloc", allocatorName));
        new java.util.TreeMap<>(params).forEach((k, v) -> c.add(k + "=" + v));
        return c;
    }

    /**
     * A twin names the file its malloc resolved to at the end of its implementation text
     * ("... malloc resolves to FILE"); null when that is the competitor's library (or the twin needs
     * none), else a message: a preload that did not take must fail the run, never pass glibc off as
     * the competitor.
     */
    public static String wrongLibrary(String allocatorName, String expectedLibrary, Path preloadLibrary, String implementation) {
        if (expectedLibrary == null) {
            return null;
        }
        String marker = "resolves to ";
        int at = implementation == null ? -1 : implementation.lastIndexOf(marker);
        String actual = at < 0 ? "unknown" : implementation.substring(at + marker.length()).strip();
        if (realFileName(actual).equals(realFileName(expectedLibrary))) {
            return null;
        }
        return "allocator=" + allocatorName + ": malloc resolved to " + actual + ", expected " + expectedLibrary
                + "; is LD_PRELOAD=" + preloadLibrary + " loadable?";
    }

    private static String realFileName(String path) {
        try {
            return Path.of(path).toRealPath().getFileName().toString();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            Path name = Path.of(path).getFileName();
            return name == null ? path : name.toString();
        }
    }

    /** The built binary of program; builds it when missing or stale. Throws IllegalStateException when gcc fails. */
    public static synchronized Path binary(Program program) {
        String problem = buildProblem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        Path dir = directory();
        Path source = dir.resolve(program.binaryName + ".c");
        Path binary = dir.resolve(program.binaryName + (program.sharedLibrary ? ".so" : ""));
        try {
            byte[] wanted;
            try (InputStream in = NativeTwin.class.getResourceAsStream(program.sourceResource())) {
                if (in == null) {
                    throw new IllegalStateException(program.sourceResource() + " is not in hakbench's class path (rebuild the jar)");
                }
                wanted = in.readAllBytes();
            }
            boolean fresh = Files.isRegularFile(binary) && (program.sharedLibrary || Files.isExecutable(binary)) && Files.isReadable(source)
                    && java.util.Arrays.equals(Files.readAllBytes(source), wanted);
            if (fresh) {
                return binary;
            }
            Files.write(source, wanted);
            Path tmp = dir.resolve(program.binaryName + ".tmp-" + ProcessHandle.current().pid());
            List<String> command = new ArrayList<>(List.of("gcc", "-O2", "-Wall", "-Wextra", "-pthread"));
            if (program.sharedLibrary) {
                command.addAll(List.of("-shared", "-fPIC"));
            }
            command.addAll(List.of("-o", tmp.toString(), source.toString()));
            ProcessBuilder gcc = new ProcessBuilder(command).redirectErrorStream(true);
            gcc.environment().remove("LD_PRELOAD");   // for the benchmark, not for the compiler
            Process p = gcc.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("gcc could not build " + source + ": " + output.strip());
            }
            // rename: a concurrent hakbench never runs a half-written binary (the source copy written
            // above is only compared, so a concurrent build of the same source is harmless)
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
