package org.hakbench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hakbench.analyze.EpochCsvReader;
import org.hakbench.analyze.SoakCsv;
import org.hakbench.analyze.SoakReport;
import org.hakbench.cli.Hakbench;
import org.hakbench.results.ResultFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing lost": a real soak in its own hakbench process is killed after 3 epochs: kill -9 of the
 * parent (the child must stop by itself and the CSV must hold the epochs), kill -9 of the child (the
 * parent must analyse what is there) and SIGTERM of the parent (clean stop with a summary).
 */
class SoakSurvivalTest {
    private static final int EPOCHS_BEFORE_KILL = 3;
    private static final long WAIT_SECONDS = 60;

    private final List<ProcessHandle> started = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void killLeftovers() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    private Process startSoak() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Hakbench.class.getName(), "soak", "--duration", "120", "--epoch", "1", "--allocator", "glibc",
                "--out", dir.resolve("soak").toString(), "--results", dir.toString());
        Process parent = new ProcessBuilder(command).redirectOutput(dir.resolve("parent.out").toFile())
                .redirectError(dir.resolve("parent.err").toFile()).start();
        started.add(parent.toHandle());
        return parent;
    }

    /** Waits until the soak CSV has {@code epochs} rows; returns it and registers the child for cleanup. */
    private Path awaitEpochs(Process parent, int epochs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<Path> csv = csvFile();
            if (csv.isPresent() && dataRows(csv.get()) >= epochs) {
                ProcessHandle.of(childPid(csv.get())).ifPresent(started::add);
                return csv.get();
            }
            if (!parent.isAlive()) {
                fail("soak ended early, exit " + parent.exitValue() + ": " + Files.readString(dir.resolve("parent.err")));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + epochs + " epochs within " + WAIT_SECONDS + " s");
    }

    private Optional<Path> csvFile() throws IOException {
        Path soakDir = dir.resolve("soak");
        if (!Files.isDirectory(soakDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(soakDir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst();
        }
    }

    private static long dataRows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#") && !l.startsWith("epoch")).count();
    }

    private static long childPid(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().filter(l -> l.startsWith("# pid=")).mapToLong(l -> Long.parseLong(l.substring(6)))
                .findFirst().orElseThrow();
    }

    private static void assertExits(ProcessHandle process, long seconds) throws Exception {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("pid " + process.pid() + " still running " + seconds + " s later");
        }
    }

    private void assertAnalysable(Path csv) {
        SoakCsv read = EpochCsvReader.read(csv);
        assertTrue(read.epochs().size() >= EPOCHS_BEFORE_KILL, read.epochs().size() + " epochs");
        assertTrue(read.skipped().isEmpty(), "the child writes whole lines: " + read.skipped());
        for (int i = 0; i < read.epochs().size(); i++) {
            assertEquals(i, read.epochs().get(i).epoch());
        }
        int code = Hakbench.run(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()),
                "analyze", csv.toString(), "--results", dir.resolve("analysis").toString(), "--no-plot");
        assertTrue(code == 0 || code == 1, "analyze exit " + code);
        assertEquals(1, ResultFiles.list(dir.resolve("analysis"), SoakReport.KIND).size());
    }

    @Test
    void killNineOfTheParentLeavesEveryCompletedEpochAndNoOrphan() throws Exception {
        Process parent = startSoak();
        Path csv = awaitEpochs(parent, EPOCHS_BEFORE_KILL);
        ProcessHandle child = ProcessHandle.of(childPid(csv)).orElseThrow();
        parent.destroyForcibly();   // SIGKILL: no shutdown hook runs
        assertExits(parent.toHandle(), 10);
        assertExits(child, 10);
        assertAnalysable(csv);
    }

    @Test
    void killNineOfTheChildIsReportedAndTheCompletedEpochsAnalysed() throws Exception {
        Process parent = startSoak();
        Path csv = awaitEpochs(parent, EPOCHS_BEFORE_KILL);
        ProcessHandle.of(childPid(csv)).orElseThrow().destroyForcibly();
        assertTrue(parent.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "parent still running");
        String err = Files.readString(dir.resolve("parent.err"));
        assertEquals(1, parent.exitValue(), err);
        assertTrue(err.contains("soak child failed: child exited with code 137 (signal 9)"), err);
        assertTrue(Files.readString(dir.resolve("parent.out")).contains("verdict"), "summary printed");
        assertFalse(ResultFiles.list(dir, SoakReport.KIND).isEmpty(), "analysis JSON written");
        assertAnalysable(csv);
    }

    @Test
    void sigtermOfTheParentStopsTheChildAndStillWritesTheSummary() throws Exception {
        Process parent = startSoak();
        Path csv = awaitEpochs(parent, EPOCHS_BEFORE_KILL);
        ProcessHandle child = ProcessHandle.of(childPid(csv)).orElseThrow();
        parent.destroy();   // SIGTERM, as from Ctrl-C's cousin kill(1)
        assertTrue(parent.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "parent still running");
        assertExits(child, 10);
        String out = Files.readString(dir.resolve("parent.out"));
        assertTrue(out.contains("soak stopped early: " + SoakChildMode.STOP_REQUESTED), out + Files.readString(dir.resolve("parent.err")));
        assertTrue(out.contains("verdict"), out);
        assertEquals(1, ResultFiles.list(dir, SoakReport.KIND).size());
        assertAnalysable(csv);
    }
}
