package org.hakbench.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;
import org.hakbench.soak.SoakFiles;

/**
 * Sums the per-epoch interval histograms of a soak's HdrHistogram log (written by the soak child with
 * {@code HistogramLogWriter}, one interval per epoch, tagged {@code epoch=N}) over a chosen set of
 * epochs. The interval lines ({@code Tag=epoch=N,start,length,max,base64}) are split here and each
 * histogram is decoded by HdrHistogram itself: {@code HistogramLogReader} parses with
 * {@code java.util.Scanner} and takes about 2.5 s for the 3,600 intervals of an hour's soak on a cold
 * JVM, more than the whole 2 s budget of {@code analyze}; this way also skips warm-up epochs undecoded.
 * A line cut off by a kill ends the log at the last complete interval.
 */
final class HistogramLogs {
    private static final String TAG_PREFIX = "Tag=" + SoakFiles.EPOCH_TAG_PREFIX;
    /** Fields of an interval line: tag, start, length, max, payload. */
    private static final int FIELDS = 5;

    private HistogramLogs() {
    }

    /** The sum over {@code epochs}, or {@code null} when the log does not exist or cannot be read. */
    static Histogram sum(Path log, Set<Integer> epochs) {
        Histogram total = new Histogram(3);
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.US_ASCII)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith(TAG_PREFIX)) {
                    continue;   // comments, legend, untagged intervals
                }
                String[] fields = line.split(",", FIELDS);
                if (fields.length != FIELDS) {
                    break;
                }
                int epoch;
                try {
                    epoch = Integer.parseInt(fields[0].substring(TAG_PREFIX.length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (!epochs.contains(epoch)) {
                    continue;
                }
                try {
                    byte[] bytes = Base64.getDecoder().decode(fields[4].strip());
                    total.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
                } catch (IllegalArgumentException | DataFormatException | IndexOutOfBoundsException cutOff) {
                    break;   // the last line, cut off by a kill: keep what was complete
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        return total;
    }
}
