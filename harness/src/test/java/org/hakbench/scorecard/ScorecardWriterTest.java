package org.hakbench.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardWriterTest {

    @TempDir
    Path dir;

    private final ScorecardWriter writer = new ScorecardWriter("# Scorecard");
    private final Map<String, String> headings = Map.of("snapshot", "## Snapshot", "verdicts", "## Verdicts");

    private static LinkedHashMap<String, String> bodies(String snapshot, String verdicts) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put("snapshot", snapshot);
        m.put("verdicts", verdicts);
        return m;
    }

    @Test
    void missingFileIsCreatedWithEveryBlockAndSecondRunChangesNothing() throws Exception {
        Path file = dir.resolve("sub/SCORE.md");
        assertTrue(writer.update(file, bodies("| a | 1 |", "- GO"), headings));
        String first = Files.readString(file);
        assertTrue(first.startsWith("# Scorecard\n"), first);
        assertTrue(first.contains("## Snapshot\n\n<!-- hakbench:begin snapshot -->\n| a | 1 |\n<!-- hakbench:end snapshot -->\n"), first);
        assertTrue(first.contains("<!-- hakbench:begin verdicts -->\n- GO\n<!-- hakbench:end verdicts -->"), first);
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertFalse(writer.update(file, bodies("| a | 1 |", "- GO"), headings));
        assertEquals(first, Files.readString(file));
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void handWrittenTextOutsideMarkersIsKeptByteForByte() throws Exception {
        Path file = dir.resolve("SCORE.md");
        String before = "# My notes\r\nkeep  this   spacing\n\n<!-- hakbench:begin snapshot -->\nold table\n<!-- hakbench:end snapshot -->\n"
                + "trailing notes, no newline at end";
        Files.writeString(file, before);
        assertTrue(writer.update(file, bodies("new table", "- NO_GO"), headings));
        String after = Files.readString(file);
        assertTrue(after.startsWith("# My notes\r\nkeep  this   spacing\n\n<!-- hakbench:begin snapshot -->\nnew table\n<!-- hakbench:end snapshot -->\n"
                + "trailing notes, no newline at end\n"), after);
        assertTrue(after.endsWith("## Verdicts\n\n<!-- hakbench:begin verdicts -->\n- NO_GO\n<!-- hakbench:end verdicts -->\n"), after);
        assertFalse(after.contains("old table"));
        String again = after;
        assertFalse(writer.update(file, bodies("new table", "- NO_GO"), headings));
        assertEquals(again, Files.readString(file));
    }

    @Test
    void unclosedMarkerIsRefusedAndTheFileLeftUntouched() throws Exception {
        Path file = dir.resolve("SCORE.md");
        String broken = "# x\n<!-- hakbench:begin snapshot -->\nold\n";
        Files.writeString(file, broken);
        var ex = assertThrows(ScorecardFormatException.class, () -> writer.update(file, bodies("new", "v"), headings));
        assertTrue(ex.getMessage().contains(file + ":2") && ex.getMessage().contains("never closed"), ex.getMessage());
        assertEquals(broken, Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void duplicatedNestedAndStrayMarkersAreRefused() throws Exception {
        Path file = dir.resolve("SCORE.md");
        String dup = "<!-- hakbench:begin snapshot -->\n<!-- hakbench:end snapshot -->\n<!-- hakbench:begin snapshot -->\n<!-- hakbench:end snapshot -->\n";
        Files.writeString(file, dup);
        var ex = assertThrows(ScorecardFormatException.class, () -> writer.update(file, bodies("n", "v"), headings));
        assertTrue(ex.getMessage().contains(":3") && ex.getMessage().contains("appears twice"), ex.getMessage());
        assertEquals(dup, Files.readString(file));

        Files.writeString(file, "<!-- hakbench:begin a -->\n<!-- hakbench:begin b -->\n");
        assertThrows(ScorecardFormatException.class, () -> writer.update(file, bodies("n", "v"), headings));
        Files.writeString(file, "text\n<!-- hakbench:end a -->\n");
        var stray = assertThrows(ScorecardFormatException.class, () -> writer.update(file, bodies("n", "v"), headings));
        assertTrue(stray.getMessage().contains("without a matching begin"), stray.getMessage());
        Files.writeString(file, "<!-- hakbench:begin a -->\n<!-- hakbench:end b -->\n");
        assertThrows(ScorecardFormatException.class, () -> writer.update(file, bodies("n", "v"), headings));
    }

    @Test
    void blocksNotRegeneratedAreLeftAsTheyAre() throws Exception {
        Path file = dir.resolve("SCORE.md");
        Files.writeString(file, "<!-- hakbench:begin custom -->\nmine\n<!-- hakbench:end custom -->\n");
        writer.update(file, bodies("s", "v"), headings);
        assertTrue(Files.readString(file).startsWith("<!-- hakbench:begin custom -->\nmine\n<!-- hakbench:end custom -->\n"));
        assertEquals("mine\n", writer.read(file).block("custom").orElseThrow());
    }
}
