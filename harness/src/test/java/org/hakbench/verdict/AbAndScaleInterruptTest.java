package org.hakbench.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hakbench.cli.Hakbench;
import org.hakbench.results.ResultFiles;
import org.hakbench.scale.ScaleResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM in the middle of ab or scale: the runs done so far reach the result file and no journal is
 * left. Before, neither command handled a signal and everything measured was lost.
 */
class AbAndScaleInterruptTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "scale"})
    void sigtermWritesTheRunsDoneSoFar(String command, @TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Hakbench.class.getName(), command));
        String kind;
        if (command.equals("ab")) {
            args.addAll(List.of("--a", "glibc", "--b", "glibc", "--runs", "100", "--iters", "200000", "--warmup", "20000"));
            kind = AbResult.KIND;
        } else {
            args.addAll(List.of("--workload", "larson", "--threads", "1", "--allocators", "glibc", "--runs", "100", "--iters", "100000"));
            kind = ScaleResult.KIND;
        }
        args.addAll(List.of("--results", dir.toString()));
        Path err = dir.resolve("err.txt");
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (progressLines(err, out) < 4 && System.nanoTime() < deadline) {
                assertTrue(p.isAlive(), command + " ended early: " + Files.readString(err) + Files.readString(out));
                Thread.sleep(100);
            }
            p.destroy();   // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " still running after SIGTERM");
            List<Path> files = ResultFiles.list(dir, kind);
            assertEquals(1, files.size(), Files.readString(err) + Files.readString(out));
            String json = Files.readString(files.getFirst());
            long okRuns = java.util.regex.Pattern.compile("\"ok\"\\s*:\\s*true|\"result\"\\s*:\\s*\\{").matcher(json).results().count();
            assertTrue(okRuns >= 4, "the completed runs are kept: " + okRuns + "\n" + json.substring(0, Math.min(2000, json.length())));
            try (var listing = Files.list(dir)) {
                assertTrue(listing.noneMatch(f -> f.getFileName().toString().endsWith(".journal.jsonl")), "the journal is gone once written");
            }
        } finally {
            p.destroyForcibly();
        }
    }

    private static long progressLines(Path err, Path out) throws java.io.IOException {
        String text = (Files.exists(err) ? Files.readString(err) : "") + (Files.exists(out) ? Files.readString(out) : "");
        return text.lines().filter(l -> l.matches("^(\\d+/\\d+ |\\[\\d+/\\d+\\]).*")).count();
    }
}
