package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hakbench.child.NativeTwin;
import org.hakbench.trace.MallocTrace;
import org.hakbench.trace.TraceRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hakbench record on a real program (sort), a failing one, and bad input. */
class RecordCommandTest {
    @TempDir
    Path dir;

    @Test
    void recordsARealProgramsTraceWithItsHeaderAndItReadsBack() throws Exception {
        assumeTrue(NativeTwin.buildProblem() == null, "gcc is not installed");
        Path input = dir.resolve("words.txt");
        Files.writeString(input, String.join("\n", java.util.Collections.nCopies(2000, "hakmem hakbench mimalloc")) + "\n");
        Path out = dir.resolve("sort.trace.gz");
        CliRun run = CliRun.of("record", "--out", out.toString(), "--", "/usr/bin/sort", input.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("operations") && run.out().contains("peak live") && run.out().contains("request sizes"), run.out());
        MallocTrace t = TraceRecorder.read(out);
        assertTrue(t.count(MallocTrace.MALLOC) > 0 && t.peakLiveBytes() > 0, "a real program's mallocs are in the trace");
        String header = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(out)).readNBytes(400));
        assertTrue(header.startsWith("# format=hakbench.trace/1\n# command=/usr/bin/sort "), header);
        assertTrue(header.contains("# exit_code=0") && header.contains("# machine="), header);
    }

    @Test
    void aFailingCommandIsReportedWithItsExitCodeAndItsTraceKept() {
        assumeTrue(NativeTwin.buildProblem() == null, "gcc is not installed");
        Path out = dir.resolve("fail.trace.gz");
        CliRun run = CliRun.of("record", "--out", out.toString(), "--", "/usr/bin/sort", dir.resolve("no-such-file").toString());
        assertEquals(ExitCodes.NO_GO, run.exitCode(), run.toString());
        assertTrue(run.err().contains("exited 2") && run.err().contains("trace of what it did is kept"), run.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void badInputIsExitTwoNamingIt() {
        CliRun none = CliRun.of("record");
        assertEquals(ExitCodes.USAGE, none.exitCode(), none.toString());
        assertTrue(none.err().contains("give the command to record after --"), none.err());
        CliRun badOut = CliRun.of("record", "--out", dir.resolve("x.txt").toString(), "--", "true");
        assertEquals(ExitCodes.USAGE, badOut.exitCode());
        assertTrue(badOut.err().contains("must end in .trace.gz"), badOut.err());
        CliRun missing = CliRun.of("record", "--out", dir.resolve("m.trace.gz").toString(), "--", dir.resolve("no-such-program").toString());
        assumeTrue(NativeTwin.buildProblem() == null, "gcc is not installed");
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("cannot run"), missing.err());
    }
}
