package org.hakbench.analyze;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Set;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.hakbench.soak.SoakFiles;

/**
 * Sums the per-epoch interval histograms of a soak's HdrHistogram log (written by the soak child, one
 * interval per epoch, tagged {@code epoch=N}) over a chosen set of epochs. A log cut off by a kill ends
 * at its last complete interval.
 */
final class HistogramLogs {
    private HistogramLogs() {
    }

    /** The sum over {@code epochs}, or {@code null} when the log does not exist. */
    static Histogram sum(Path log, Set<Integer> epochs) {
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(log.toFile());
        } catch (FileNotFoundException e) {
            return null;
        }
        Histogram total = new Histogram(3);
        try (reader) {
            while (true) {
                EncodableHistogram next;
                try {
                    next = reader.nextIntervalHistogram();
                } catch (RuntimeException cutOff) {
                    break; // last line cut off by a kill: keep what was complete
                }
                if (next == null) {
                    break;
                }
                if (next instanceof Histogram h && epochs.contains(epochOf(h))) {
                    total.add(h);
                }
            }
        }
        return total;
    }

    private static int epochOf(Histogram h) {
        String tag = h.getTag();
        if (tag == null || !tag.startsWith(SoakFiles.EPOCH_TAG_PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(tag.substring(SoakFiles.EPOCH_TAG_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
