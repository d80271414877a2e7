package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hakbench.analyze.SoakReport;
import org.hakbench.results.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static Path knownAnswers() throws URISyntaxException {
        return Path.of(AnalyzeCommandTest.class.getResource("/soak/known-answers.csv").toURI());
    }

    @Test
    void knownAnswersPassAndWriteJsonWithRawEpochsAndAPlot(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("analyze", knownAnswers().toString(), "--results", dir.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("verdict          PASS"), run.out());
        List<Path> json = ResultFiles.list(dir, SoakReport.KIND);
        assertEquals(1, json.size());
        SoakReport report = ResultFiles.load(json.getFirst(), SoakReport.class, SoakReport.KIND, SoakReport.SCHEMA);
        assertEquals(21, report.epochs().size());
        assertEquals("64", report.header().get("batch_ops"));
        assertEquals(-3.712871287128713, report.analysis().throughput().driftPercent(), 1e-9);
        assertTrue(report.machine().cores() > 0);
        Path png = ResultFiles.sibling(json.getFirst(), ".png");
        assertEquals(png.toString(), report.plotFile());
        assertPng(png);
    }

    @Test
    void tighterCvTargetFailsWithExitOne(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("analyze", knownAnswers().toString(), "--results", dir.toString(), "--no-plot", "--max-cv", "1.5");
        assertEquals(ExitCodes.NO_GO, run.exitCode(), run.toString());
        assertTrue(run.out().contains("missed: throughput_cv_percent"), run.out());
    }

    @Test
    void twoCsvsGiveTwoJsonFilesAndOneOverlaidPlot(@TempDir Path dir) throws Exception {
        Path second = dir.resolve("second.csv");
        Files.writeString(second, Files.readString(knownAnswers()).replace("allocator=hakmem", "allocator=mimalloc"));
        Path png = dir.resolve("both.png");
        CliRun run = CliRun.of("analyze", knownAnswers().toString(), second.toString(), "--results", dir.toString(),
                "--plot", png.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals(2, ResultFiles.list(dir, SoakReport.KIND).size());
        assertPng(png);
    }

    @Test
    void malformedRowsAreReportedWithLineNumbersAndSkipped(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(knownAnswers());
        lines.set(10, "4,5.000,10050000");          // line 11: truncated row
        lines.set(12, lines.get(12).replace(",4194304,", ",41x4304,"));   // line 13: not a number
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, String.join("\n", lines) + "\n5,cut");   // last line without line end
        CliRun run = CliRun.of("analyze", csv.toString(), "--results", dir.toString(), "--no-plot");
        assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.NO_GO, run.toString());
        assertTrue(run.err().contains("line 11: skipped: expected 18 fields, found 3"), run.err());
        assertTrue(run.err().contains("line 13: skipped: column bytes_mapped: not an integer: '41x4304'"), run.err());
        assertTrue(run.err().contains("line 28: skipped: last line has no line end"), run.err());
        assertTrue(run.out().contains("skipped lines    3"), run.out());
    }

    @Test
    void emptyFileIsExitTwoNamingTheFile(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        CliRun run = CliRun.of("analyze", empty.toString(), "--results", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertEquals("error: " + empty + ": empty soak CSV (no column header line)", run.err().strip());
        assertTrue(ResultFiles.list(dir, SoakReport.KIND).isEmpty());
    }

    @Test
    void missingColumnIsExitTwoNamingTheColumn(@TempDir Path dir) throws Exception {
        String text = Files.readString(knownAnswers()).replace(",p99_ns,", ",p99_nanos,");
        Path csv = dir.resolve("renamed.csv");
        Files.writeString(csv, text);
        CliRun run = CliRun.of("analyze", csv.toString(), "--results", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("missing column(s) p99_ns"), run.err());
    }

    @Test
    void missingFileAndBadOptionsAreExitTwo(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("analyze", dir.resolve("nope.csv").toString(), "--results", dir.toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());
        CliRun warmup = CliRun.of("analyze", knownAnswers().toString(), "--warmup-epochs", "-1");
        assertEquals(ExitCodes.USAGE, warmup.exitCode(), warmup.toString());
        assertTrue(warmup.err().contains("warmup-epochs=-1"), warmup.err());
        assertEquals(ExitCodes.USAGE, CliRun.of("analyze").exitCode());
    }

    static void assertPng(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000, png + ": " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
