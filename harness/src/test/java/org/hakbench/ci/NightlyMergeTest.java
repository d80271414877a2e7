package org.hakbench.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/nightly-merge, the step that keeps the nightly history: nothing lost, nothing replaced. */
class NightlyMergeTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "nightly-merge").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run merge(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void newFilesAreAddedIdenticalOnesSkippedAndClashesKeptUnderTheNextName() throws Exception {
        Path history = dir.resolve("history");
        write(history.resolve("rebase-20261201T020000Z.json"), "{\"night\":1}");
        write(history.resolve("baseline/rebase-class-aaa.json"), "{\"baseline\":\"first\"}");
        Path night = dir.resolve("night");
        write(night.resolve("rebase-20261201T020000Z.json"), "{\"night\":1}");            // the same file again
        write(night.resolve("rebase-20261202T020000Z.json"), "{\"night\":2}");            // a new night
        write(night.resolve("verdict-20261202T020000Z.json"), "{\"v\":1}");
        Path other = dir.resolve("other-machine");
        write(other.resolve("verdict-20261202T020000Z.json"), "{\"v\":\"other machine\"}"); // same second, other bytes
        write(other.resolve("baseline/rebase-class-aaa.json"), "{\"baseline\":\"second\"}");
        write(other.resolve("baseline/rebase-class-bbb.json"), "{\"baseline\":\"new class\"}");
        write(other.resolve("soak/soak-hakmem-X-20261202T020000Z.csv.gz"), "gz");
        write(other.resolve("rebase-20261202T020000Z.journal.jsonl"), "partial");

        Run run = merge(history.toString(), night.toString(), other.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("{\"night\":2}", Files.readString(history.resolve("rebase-20261202T020000Z.json")));
        assertEquals("{\"v\":1}", Files.readString(history.resolve("verdict-20261202T020000Z.json")));
        assertEquals("{\"v\":\"other machine\"}", Files.readString(history.resolve("verdict-20261202T020000Z-2.json")));
        assertEquals("{\"baseline\":\"first\"}", Files.readString(history.resolve("baseline/rebase-class-aaa.json")),
                "a baseline is never replaced");
        assertTrue(Files.exists(history.resolve("baseline/rebase-class-bbb.json")));
        assertTrue(Files.exists(history.resolve("soak/soak-hakmem-X-20261202T020000Z.csv.gz")));
        assertTrue(!Files.exists(history.resolve("rebase-20261202T020000Z.journal.jsonl")), "journals are not results");
        assertTrue(!Files.exists(history.resolve("rebase-20261201T020000Z-2.json")), "an identical file is not copied twice");

        Run again = merge(history.toString(), night.toString(), other.toString());
        assertEquals("", again.out(), "merging the same nights twice adds nothing");
    }

    @Test
    void aMissingDirectoryIsExitTwoNamingIt() throws Exception {
        Run run = merge(dir.resolve("h").toString(), dir.resolve("no-such").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("RESULTS_DIR=" + dir.resolve("no-such") + ": no such directory"), run.err());
        assertEquals(2, merge().exitCode());
    }
}
