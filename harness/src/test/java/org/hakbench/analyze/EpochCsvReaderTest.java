package org.hakbench.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.hakbench.soak.EpochColumn;
import org.junit.jupiter.api.Test;

class EpochCsvReaderTest {
    private static final Path FILE = Path.of("t.csv");
    private static final String HEADER = "# schema=" + EpochColumn.SCHEMA + "\n# allocator=glibc\n" + EpochColumn.headerLine() + "\n";
    private static final String ROW0 = "0,1.000,100,100.0,0.9,2048,,,,,,,10,5,6,7,8,9,4096";
    private static final String ROW1 = "1,2.000,110,110.0,,2050,,,,,,,10,5,6,7,8,9,";

    @Test
    void readsHeaderAndRowsWithEmptyAllocatorCounters() {
        SoakCsv csv = EpochCsvReader.parse(FILE, HEADER + ROW0 + "\n" + ROW1 + "\n");
        assertEquals("glibc", csv.header().get("allocator"));
        assertEquals(2, csv.epochs().size());
        assertEquals(null, csv.epochs().get(1).osCalls());
        assertEquals(2050, csv.epochs().get(1).rssKiB());
        assertTrue(csv.skipped().isEmpty());
    }

    @Test
    void cutOffLastLineIsSkippedWithItsLineNumber() {
        SoakCsv csv = EpochCsvReader.parse(FILE, HEADER + ROW0 + "\n" + ROW1.substring(0, 20));
        assertEquals(1, csv.epochs().size());
        assertEquals(List.of(new SkippedLine(5, "last line has no line end (cut off while being written)")), csv.skipped());
    }

    @Test
    void malformedRowsAreSkippedAndNamed() {
        String text = HEADER + ROW0 + "\n"
                + "1,2.000,110\n"                                   // line 5: too few fields
                + ROW1.replace("2050", "20x0") + "\n"               // line 6: not a number
                + ROW1.replace("1,2.000,110,", "1,2.000,,") + "\n"  // line 7: required cell empty
                + ROW0 + "\n"                                       // line 8: epoch 0 again
                + ROW1 + "\n";                                      // line 9: good
        SoakCsv csv = EpochCsvReader.parse(FILE, text);
        assertEquals(2, csv.epochs().size());
        assertEquals(List.of(
                new SkippedLine(5, "expected 19 fields, found 3"),
                new SkippedLine(6, "column rss_kib: not an integer: '20x0'"),
                new SkippedLine(7, "column ops is empty"),
                new SkippedLine(8, "epoch 0 does not follow epoch 0")), csv.skipped());
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() {
        String[] names = EpochColumn.headerLine().split(",");
        String[] cells = ROW0.split(",", -1);
        String header = names[4] + "," + names[0] + "," + String.join(",", List.of(names).subList(1, 4)) + ","
                + String.join(",", List.of(names).subList(5, names.length));
        String row = cells[4] + "," + cells[0] + "," + String.join(",", List.of(cells).subList(1, 4)) + ","
                + String.join(",", List.of(cells).subList(5, cells.length));
        SoakCsv csv = EpochCsvReader.parse(FILE, header + "\n" + row + "\n");
        assertEquals(2048, csv.epochs().getFirst().rssKiB());
        assertEquals(0, csv.epochs().getFirst().epoch());
    }

    @Test
    void schemaOneFilesWithoutTheResidentColumnStillRead() {
        String v1Header = "# schema=hakbench.soak-epochs/1\n"
                + EpochColumn.headerLine().replace(",alloc_resident_bytes", "") + "\n";
        SoakCsv csv = EpochCsvReader.parse(FILE, v1Header + ROW0.replace(",4096", "") + "\n");
        assertEquals(1, csv.epochs().size());
        assertEquals(null, csv.epochs().getFirst().allocResidentBytes());
        SoakInputException e = assertThrows(SoakInputException.class, () -> EpochCsvReader.parse(FILE,
                HEADER.replace(",alloc_resident_bytes", "") + ROW0.replace(",4096", "") + "\n"));
        assertTrue(e.getMessage().contains("missing column(s) alloc_resident_bytes"), e.getMessage());
    }

    @Test
    void residentBytesAreRead() {
        SoakCsv csv = EpochCsvReader.parse(FILE, HEADER + ROW0 + "\n" + ROW1 + "\n");
        assertEquals(4096L, csv.epochs().get(0).allocResidentBytes());
        assertEquals(null, csv.epochs().get(1).allocResidentBytes());
    }

    @Test
    void gzippedCsvIsRead(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path gz = dir.resolve("s.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            out.write((HEADER + ROW0 + "\n" + ROW1 + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(2, EpochCsvReader.read(gz).epochs().size());
    }

    @Test
    void emptyFileIsAnInputError() {
        SoakInputException e = assertThrows(SoakInputException.class, () -> EpochCsvReader.parse(FILE, ""));
        assertEquals("t.csv: empty soak CSV (no column header line)", e.getMessage());
        assertThrows(SoakInputException.class, () -> EpochCsvReader.parse(FILE, "# schema=" + EpochColumn.SCHEMA + "\n"));
    }

    @Test
    void headerWithoutRowsIsAnInputError() {
        SoakInputException e = assertThrows(SoakInputException.class, () -> EpochCsvReader.parse(FILE, HEADER));
        assertEquals("t.csv: no complete epoch row", e.getMessage());
    }

    @Test
    void missingColumnIsNamed() {
        String header = EpochColumn.headerLine().replace(",rss_kib", "");
        SoakInputException e = assertThrows(SoakInputException.class,
                () -> EpochCsvReader.parse(FILE, header + "\n" + ROW0 + "\n"));
        assertTrue(e.getMessage().startsWith("t.csv: line 1: missing column(s) rss_kib"), e.getMessage());
    }

    @Test
    void otherSchemaIsRefused() {
        SoakInputException e = assertThrows(SoakInputException.class,
                () -> EpochCsvReader.parse(FILE, "# schema=hakbench.soak-epochs/9\n" + EpochColumn.headerLine() + "\n" + ROW0 + "\n"));
        assertTrue(e.getMessage().contains("unsupported schema=hakbench.soak-epochs/9"), e.getMessage());
    }
}
