package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.hakbench.trace.TraceReplayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hakbench replay end to end on a small trace, and its bad input. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    private Path trace(String name, List<String> lines) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(("# format=hakbench.trace/1\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return f;
    }

    @Test
    void replaysATraceAgainstEachAllocatorAndWritesTheResult() throws Exception {
        Path t = trace("small.trace.gz", TraceReplayTestAccess.lines());
        CliRun run = CliRun.of("replay", t.toString(), "--allocators", "hakmem,glibc", "--runs", "2", "--warmup-passes", "1",
                "--min-ops", "20000", "--results", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("| hakmem | 2/0 |") && run.out().contains("| glibc | 2/0 |") && run.out().contains("(reference)"), run.out());
        try (var files = Files.list(dir.resolve("out"))) {
            List<Path> json = files.filter(p -> p.getFileName().toString().startsWith("replay-") && p.toString().endsWith(".json")).toList();
            assertEquals(1, json.size());
            String text = Files.readString(json.getFirst());
            assertTrue(text.contains("\"kind\" : \"replay\"") && text.contains("\"opsPerSecond\""), text.substring(0, 200));
            com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            com.fasterxml.jackson.databind.JsonNode hakmem = null;
            for (com.fasterxml.jackson.databind.JsonNode p : tree.get("points")) {
                if (p.get("allocator").asText().equals("hakmem")) {
                    hakmem = p;
                }
            }
            assertTrue(hakmem != null && hakmem.get("nsPerOp").asDouble() > 0, String.valueOf(hakmem));
            assertTrue(hakmem.get("fragmentation").asDouble() >= 1, "hakmem maps at least the peak live bytes: " + hakmem);
            assertTrue(hakmem.get("osCallsPerOp").isNumber(), "hakmem counts its own OS calls: " + hakmem);
            assertTrue(Files.exists(json.getFirst().resolveSibling(json.getFirst().getFileName().toString().replace(".json", ".md"))));
        }
    }

    @Test
    void aCorruptTraceIsExitTwoNamingTheLine() throws Exception {
        Path t = trace("bad.trace.gz", List.of("@ [0x1] + 0xa 0x10", "this is not mtrace"));
        CliRun run = CliRun.of("replay", t.toString(), "--allocators", "hakmem", "--results", dir.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.trace.gz: line 3: not an mtrace line"), run.err());
        CliRun none = CliRun.of("replay");
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains("give at least one TRACE.trace.gz"), none.err());
    }

    /** The random trace generator of the property test, for a deterministic small trace here. */
    static final class TraceReplayTestAccess {
        static List<String> lines() {
            return TraceReplayTest.randomTrace(42, 500);
        }
    }
}
