package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hakbench.calibrate.CalibrationResult;
import org.hakbench.results.ResultFiles;
import org.hakbench.scorecard.ScorecardService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aaTrialsGiveTheFalseAlarmRateAndTheDetectableChangeAndTheScorecardShowsThem() throws IOException {
        CliRun run = CliRun.of("calibrate", "--config", "hakmem:SAFE", "--trials", "2", "--runs", "6",
                "--iters", "200000", "--warmup", "50000", "--timeout", "120", "--results", dir.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("2 A/A trials of 6 pairs"), run.out());
        assertTrue(run.out().matches("(?s).*false alarms\\s+\\d of 2 = .*"), run.out());
        List<Path> files = ResultFiles.list(dir, CalibrationResult.KIND);
        assertEquals(1, files.size());
        CalibrationResult r = ResultFiles.load(files.getFirst(), CalibrationResult.class, CalibrationResult.KIND, CalibrationResult.SCHEMA);
        assertEquals(2, r.trials().size());
        assertEquals(List.of(5, 10, 20), r.detectable().stream().map(CalibrationResult.Detectable::runsPerSide).toList());
        assertEquals(null, r.detectable().getFirst().abSlowdownPercent(), "5 pairs have no 95% interval");
        assertTrue(r.detectable().get(1).abSlowdownPercent() < r.thresholds().noGoPercent());
        assertTrue(r.detectable().get(2).verdictSlowdownPercent() > r.detectable().get(1).verdictSlowdownPercent(),
                "more runs catch smaller changes");

        Path card = dir.resolve("SCORECARD.md");
        new ScorecardService().update(new ScorecardService.Request(card, dir, dir.resolve("targets.properties")));
        String text = Files.readString(card);
        assertTrue(text.contains("## Verdict calibration") && text.contains(files.getFirst().getFileName().toString()), text);
    }

    @Test
    void badConfigurationAndTooFewTrialsExitTwo() {
        assertEquals(ExitCodes.USAGE, CliRun.of("calibrate", "--config", "nosuch", "--results", dir.toString()).exitCode());
        CliRun run = CliRun.of("calibrate", "--trials", "1", "--results", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("trials=1: need at least 2"), run.err());
    }
}
