package org.hakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hakbench.results.ResultFiles;
import org.hakbench.trace.MallocTrace;
import org.hakbench.trace.TraceRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hakbench record -- CMD ARGS...}: the allocation trace of a real program, for replay. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a command with glibc's mtrace started before its main and keeps its allocation trace (gzip, with a "
                + "header: command, date, machine, counts); prints operations, peak live bytes and request sizes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "1:the command failed (its exit code is printed; the trace is kept)",
                "2:bad input: no command, a bad --out, a program that cannot be run, a trace that does not parse",
                "3:environment: gcc or libc_malloc_debug.so.0 missing, or nothing could be traced"})
final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "The trace file, NAME.trace.gz (default: results/traces/PROGRAM-<UTC>.trace.gz).")
    Path out;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command and its arguments, after --.")
    List<String> command = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Services.call(err, () -> {
            Path file = this.out != null ? this.out : defaultOut();
            TraceRecorder.Outcome o;
            try {
                o = new TraceRecorder().record(new TraceRecorder.Request(file, command));
            } catch (TraceRecorder.EnvironmentException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCodes.ENVIRONMENT;
            }
            MallocTrace t = o.trace();
            if (t.operations() == 0) {
                err.println("error: nothing was traced from " + command.getFirst() + " (a static or setuid program ignores"
                        + " LD_PRELOAD); " + o.file() + " holds only the header");
                err.flush();
                return ExitCodes.ENVIRONMENT;
            }
            out.printf(Locale.ROOT, "recorded %s -> %s%n", String.join(" ", command), o.file());
            out.printf(Locale.ROOT, "  operations     %d (mallocs %d, frees %d, reallocs %d; %d frees of blocks from before tracing skipped)%n",
                    t.operations(), t.count(MallocTrace.MALLOC), t.count(MallocTrace.FREE), t.count(MallocTrace.REALLOC), t.unknownFrees());
            out.printf(Locale.ROOT, "  peak live      %d bytes in at most %d blocks%n", t.peakLiveBytes(), t.slotCount());
            out.println("  request sizes  " + histogram(t.sizeHistogram()));
            out.flush();
            if (o.exitCode() != 0) {
                err.println("error: " + command.getFirst() + " exited " + o.exitCode() + "; the trace of what it did is kept in " + o.file());
                err.flush();
                return ExitCodes.NO_GO;
            }
            return ExitCodes.OK;
        });
    }

    private Path defaultOut() {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("give the command to record after --, e.g. record -- python3 -c 'print(1)'");
        }
        String program = Path.of(command.getFirst()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of("results", "traces", program + "-" + ResultFiles.stamp(java.time.Instant.now()) + ".trace.gz");
    }

    /** "<=16 B: 40%, <=64 B: 35%, ..." over the non-empty power-of-two classes. */
    static String histogram(long[] h) {
        long total = java.util.Arrays.stream(h).sum();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < h.length; i++) {
            if (h[i] == 0) {
                continue;
            }
            String bound = i == 0 ? "0 B" : "<" + human(1L << Math.min(i, 62));
            sb.append(sb.isEmpty() ? "" : ", ").append(bound).append(": ").append(String.format(Locale.ROOT, "%.1f%%", 100.0 * h[i] / total));
        }
        return sb.toString();
    }

    private static String human(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " B";
    }
}
