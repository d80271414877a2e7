package org.hakbench.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.hakbench.soak.SoakFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramLogsTest {
    /** Epoch e holds (e + 1) * 10 values, all equal to 1000 * (e + 1). */
    private static String log(int epochs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.US_ASCII);
        HistogramLogWriter writer = new HistogramLogWriter(ps);
        writer.outputLogFormatVersion();
        writer.outputStartTime(0);
        writer.outputLegend();
        Histogram h = new Histogram(3);
        for (int e = 0; e < epochs; e++) {
            h.reset();
            h.recordValueWithCount(1000L * (e + 1), (e + 1) * 10L);
            h.setTag(SoakFiles.EPOCH_TAG_PREFIX + e);
            writer.outputIntervalHistogram(e, e + 1, h, 1.0);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void sumsOnlyTheChosenEpochs(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.hlog"), log(4));
        Histogram sum = HistogramLogs.sum(file, Set.of(1, 3));
        assertEquals(20 + 40, sum.getTotalCount());
        assertEquals(4000, sum.getMaxValue(), 4);
        assertEquals(2000, sum.getMinValue(), 2);
    }

    @Test
    void aCutOffLastIntervalIsLeftOut(@TempDir Path dir) throws Exception {
        String text = log(3);
        Path file = Files.writeString(dir.resolve("cut.hlog"), text.substring(0, text.length() - 30));
        assertEquals(10 + 20, HistogramLogs.sum(file, Set.of(0, 1, 2)).getTotalCount());
    }

    @Test
    void missingLogIsNull(@TempDir Path dir) {
        assertNull(HistogramLogs.sum(dir.resolve("none.hlog"), Set.of(0)));
    }
}
