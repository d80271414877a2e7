package org.hakbench.rebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hakbench.child.StraceCounter;
import org.hakbench.cli.Hakbench;
import org.hakbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while rebase's syscall-counting run is under strace: the stop must reach the child through
 * strace, the rebase must end promptly and write its file, and no strace or child may be left. Before,
 * the stop only ended direct java children, strace kept the child running and after 30 s the JVM halted
 * with nothing written.
 */
class SigtermDuringStraceTest {

    @Test
    void sigtermDuringTheStraceRunWritesTheFileAndLeavesNoProcess(@TempDir Path dir) throws Exception {
        assumeTrue(StraceCounter.unavailableReason() == null, "strace is not usable here: " + StraceCounter.unavailableReason());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Hakbench.class.getName(), "rebase", "--allocators", "glibc", "--runs", "1", "--iters", "600000000",
                "--warmup", "20000", "--results", dir.toString());
        Path out = dir.resolve("out.txt");
        Process rebase = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(out) && Files.readString(out).contains("[1/2")) && System.nanoTime() < deadline) {
                assertTrue(rebase.isAlive(), "rebase ended early: " + Files.readString(dir.resolve("err.txt")));
                Thread.sleep(100);
            }
            Thread.sleep(1500);   // the strace run is under way
            List<ProcessHandle> tree = rebase.toHandle().descendants().toList();
            assertTrue(tree.stream().anyMatch(p -> p.info().command().map(c -> c.endsWith("strace")).orElse(false)),
                    "strace is running: " + tree.stream().map(p -> p.info().command().orElse("?")).toList());
            long signalled = System.nanoTime();
            rebase.destroy();   // SIGTERM
            assertTrue(rebase.waitFor(20, TimeUnit.SECONDS), "rebase still running 20 s after SIGTERM");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled);
            assertTrue(seconds < 20, "took " + seconds + " s");
            Thread.sleep(1000);
            assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "left behind: "
                    + tree.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().command().orElse("?")).toList());
            assertEquals(1, ResultFiles.list(dir, RebaseReport.KIND).size(), "the rebase file is written: " + Files.readString(out));
        } finally {
            rebase.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            rebase.destroyForcibly();
        }
    }
}
