package org.hakbench.soak;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SortedMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.AllocatorFootprint;
import org.hakbench.child.ProcessMemory;
import org.hakbench.nativeaccess.ThreadCpuClock;

/**
 * Runs in the soak child at every epoch end: reads RSS and the allocator's counters, writes the CSV row
 * and the epoch's interval histogram, and flushes both, so a killed soak loses at most the epoch in
 * progress. Costs about a /proc read and two small writes per epoch, outside the timed batches.
 */
final class EpochRecorder implements SoakLoop.EpochSink, Closeable {
    private static final double NANOS_PER_SECOND = 1e9;

    private final AllocatorAdapter adapter;
    private final EpochCsvWriter csv;
    private final PrintStream logStream;
    private final HistogramLogWriter log;
    private final long startMillis = System.currentTimeMillis();
    /** Loop thread CPU clock at the previous epoch end (the recorder is made on the loop thread). */
    private long lastCpuNanos = ThreadCpuClock.nanos();

    EpochRecorder(AllocatorAdapter adapter, Path csvFile, Path histogramLog, SortedMap<String, String> header) throws IOException {
        this.adapter = adapter;
        this.logStream = new PrintStream(new FileOutputStream(histogramLog.toFile()), false, StandardCharsets.UTF_8);
        this.log = new HistogramLogWriter(logStream);
        log.outputLogFormatVersion();
        log.outputStartTime(startMillis);
        log.setBaseTime(startMillis);
        log.outputLegend();
        logStream.flush();
        this.csv = new EpochCsvWriter(csvFile, header);
    }

    /**
     * Runs the per-epoch reading and formatting {@code rounds} times, writing nowhere, so the JIT has
     * compiled it before the first epoch. Run once per second, that code would otherwise reach the
     * compile thresholds only minutes into the soak (C2 after about 5,000 calls: 80 minutes), and each
     * late compilation grew the JVM's malloc arenas and code cache: +5 MiB/h of RSS under the null
     * allocator that no allocator caused.
     */
    void warmUp(int rounds) throws IOException {
        Histogram h = new Histogram(3);
        h.recordValue(1_000);
        h.recordValue(100_000);
        HistogramLogWriter nowhere = new HistogramLogWriter(OutputStream.nullOutputStream());
        long chars = 0;
        for (int i = 0; i < rounds; i++) {
            chars += measure(i, 1_000_000_000L, 1_000_000_000L, 1, h).csvLine().length();
            h.setTag(SoakFiles.EPOCH_TAG_PREFIX + i);
            nowhere.outputIntervalHistogram(i, i + 1, h, 1.0);
        }
        lastCpuNanos = ThreadCpuClock.nanos();
        if (chars == 0) {
            throw new IllegalStateException("warm-up produced no rows");
        }
    }

    @Override
    public void epochDone(int epoch, long elapsedNanos, long epochNanos, long ops, Histogram latency) throws IOException {
        csv.append(measure(epoch, elapsedNanos, epochNanos, ops, latency));
        latency.setTag(SoakFiles.EPOCH_TAG_PREFIX + epoch);
        double endSec = elapsedNanos / NANOS_PER_SECOND;
        log.outputIntervalHistogram(endSec - epochNanos / NANOS_PER_SECOND, endSec, latency, 1.0);
        logStream.flush();
    }

    private EpochRow measure(int epoch, long elapsedNanos, long epochNanos, long ops, Histogram latency) {
        long cpuNanos = ThreadCpuClock.nanos();
        Double cpuSeconds = cpuNanos < 0 || lastCpuNanos < 0 ? null : (cpuNanos - lastCpuNanos) / NANOS_PER_SECOND;
        lastCpuNanos = cpuNanos;
        long rssKiB = ProcessMemory.rssKiB();
        AllocatorGauges g = AllocatorGauges.read(adapter);
        AllocatorFootprint footprint = adapter.footprint();
        long samples = latency.getTotalCount();
        boolean any = samples > 0;
        return new EpochRow(epoch, elapsedNanos / NANOS_PER_SECOND, ops, ops * NANOS_PER_SECOND / epochNanos, cpuSeconds, rssKiB,
                footprint.inUseBytes(), footprint.mappedBytes(), g.mmapCalls(), g.munmapCalls(), g.madviseCalls(), g.osCalls(),
                samples,
                any ? latency.getValueAtPercentile(50) : null,
                any ? latency.getValueAtPercentile(90) : null,
                any ? latency.getValueAtPercentile(99) : null,
                any ? latency.getValueAtPercentile(99.9) : null,
                any ? latency.getMaxValue() : null,
                footprint.residentBytes());
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } finally {
            log.close();
        }
    }
}
