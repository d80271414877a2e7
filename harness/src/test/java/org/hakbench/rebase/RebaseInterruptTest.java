package org.hakbench.rebase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hakbench.cli.Hakbench;
import org.hakbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C's cousin SIGTERM in the middle of a rebase: the runs done so far still reach the files. */
class RebaseInterruptTest {

    @Test
    void sigtermWritesTheRunsDoneSoFar(@TempDir Path dir) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Hakbench.class.getName(), "rebase", "--allocators", "glibc,null", "--runs", "200", "--iters", "200000",
                "--warmup", "20000", "--no-syscalls", "--results", dir.toString());
        Path out = dir.resolve("out.txt");
        Process rebase = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(out) && Files.readString(out).contains("[4/")) && System.nanoTime() < deadline) {
                assertTrue(rebase.isAlive(), "rebase ended early: " + Files.readString(dir.resolve("err.txt")));
                Thread.sleep(100);
            }
            rebase.destroy();   // SIGTERM
            assertTrue(rebase.waitFor(60, TimeUnit.SECONDS), "rebase still running after SIGTERM");
            List<Path> files = ResultFiles.list(dir, RebaseReport.KIND);
            assertEquals(1, files.size(), "one rebase file: " + Files.readString(dir.resolve("err.txt")));
            String json = Files.readString(files.get(0));
            assertTrue(json.contains("interrupted: stopped by a signal after"), json);
            long okRuns = java.util.regex.Pattern.compile("\"ok\"\\s*:\\s*true").matcher(json).results().count();
            assertTrue(okRuns >= 4, "the completed runs are kept: " + okRuns);
            assertTrue(Files.exists(ResultFiles.sibling(files.get(0), ".md")), "markdown written too");
        } finally {
            rebase.destroyForcibly();
        }
    }
}
