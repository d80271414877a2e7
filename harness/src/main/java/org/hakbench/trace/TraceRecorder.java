package org.hakbench.trace;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.hakbench.child.NativeTwin;
import org.hakbench.results.MachineFingerprint;

/**
 * {@code hakbench record}: runs a command with glibc's mtrace started before its main (the debug
 * library {@code libc_malloc_debug.so.0} and hakbench's starter preloaded), then keeps the trace,
 * gzip-compressed, with a header (format, command, date, machine, exit code, counts). The trace is
 * kept even when the command fails: its exit code is reported.
 */
public final class TraceRecorder {
    /** Where Debian's libc6 (glibc >= 2.34) puts the malloc debugging library. */
    static final List<Path> MALLOC_DEBUG_LIBRARIES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/libc_malloc_debug.so.0"),
            Path.of("/lib/x86_64-linux-gnu/libc_malloc_debug.so.0"), Path.of("/usr/lib64/libc_malloc_debug.so.0"));
    public static final String FORMAT = "hakbench.trace/1";

    /** The tracing tools are missing here (exit 3). */
    public static final class EnvironmentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EnvironmentException(String message) {
            super(message);
        }
    }

    /** @param out the trace file ({@code .trace.gz}); @param command the program and its arguments */
    public record Request(Path out, List<String> command) {
        public Request {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("give the command to record after --, e.g. record -- python3 -c 'print(1)'");
            }
            if (!out.getFileName().toString().endsWith(".trace.gz")) {
                throw new IllegalArgumentException("--out=" + out + ": the file name must end in .trace.gz");
            }
        }
    }

    /** What was recorded: the file, the command's exit code and the parsed trace. */
    public record Outcome(Path file, int exitCode, MallocTrace trace) {
    }

    public Outcome record(Request request) {
        Path library = MALLOC_DEBUG_LIBRARIES.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new EnvironmentException(
                "libc_malloc_debug.so.0 not found (glibc >= 2.34's malloc debugging library, in Debian's libc6); looked in "
                        + MALLOC_DEBUG_LIBRARIES));
        String gcc = NativeTwin.buildProblem();
        if (gcc != null) {
            throw new EnvironmentException(gcc.replace("the C twins (native:*)", "hakbench record"));
        }
        Path starter = NativeTwin.binary(NativeTwin.Program.MTRACE_START);
        try {
            Path dir = request.out().toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path raw = Files.createTempFile(dir, ".mtrace-", ".txt");
            try {
                int exit = run(request.command(), raw, library, starter);
                List<String> lines = Files.readAllLines(raw, StandardCharsets.ISO_8859_1);
                MallocTrace trace = MallocTrace.parse(lines, raw.toString());
                write(request, lines, trace, exit);
                return new Outcome(request.out(), exit, trace);
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record into " + request.out() + ": " + e.getMessage(), e);
        }
    }

    private static int run(List<String> command, Path raw, Path library, Path starter) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        String preload = library + " " + starter;
        String existing = pb.environment().get("LD_PRELOAD");
        pb.environment().put("LD_PRELOAD", existing == null || existing.isBlank() ? preload : preload + " " + existing);
        pb.environment().put("MALLOC_TRACE", raw.toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording " + command.getFirst(), e);
        }
    }

    private static void write(Request request, List<String> lines, MallocTrace trace, int exit) throws IOException {
        List<String> header = new ArrayList<>(List.of(
                "# format=" + FORMAT,
                "# command=" + String.join(" ", request.command()).replace('\n', ' '),
                "# recorded=" + Instant.now(),
                "# machine=" + MachineFingerprint.capture().id(),
                "# exit_code=" + exit,
                "# mallocs=" + trace.count(MallocTrace.MALLOC) + " frees=" + trace.count(MallocTrace.FREE)
                        + " reallocs=" + trace.count(MallocTrace.REALLOC) + " unknown_frees=" + trace.unknownFrees(),
                "# peak_live_bytes=" + trace.peakLiveBytes() + " slots=" + trace.slotCount(),
                "# threads: mtrace records none; a replay is single-threaded"));
        Path tmp = request.out().resolveSibling(request.out().getFileName() + ".tmp");
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(tmp)), StandardCharsets.ISO_8859_1)) {
            for (String h : header) {
                w.write(h);
                w.write('\n');
            }
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
        Files.move(tmp, request.out(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a recorded trace (header and mtrace lines) back. */
    public static MallocTrace read(Path file) {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return MallocTrace.parse(text.lines().toList(), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable gzip trace: " + e.getMessage(), e);
        }
    }
}
