package org.hakbench.soak;

import java.io.PrintWriter;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a running soak: a live progress bar (elapsed, ETA, current ops/s and RSS) on a terminal, plain
 * periodic lines otherwise (CI logs, tests), so logs stay readable without control characters.
 */
abstract sealed class SoakProgress implements AutoCloseable {

    /** Called with each newly completed epoch, in order. */
    abstract void epoch(EpochRow row);

    @Override
    public abstract void close();

    static SoakProgress create(String label, int durationSeconds, int epochSeconds, PrintWriter out) {
        java.io.Console console = System.console();
        if (console != null && console.isTerminal()) {
            return new Bar(label, durationSeconds);
        }
        return new Lines(label, durationSeconds, plainIntervalSeconds(durationSeconds, epochSeconds), out);
    }

    /** About 20 lines per soak, never more often than once per epoch nor less than once a minute. */
    static int plainIntervalSeconds(int durationSeconds, int epochSeconds) {
        return Math.max(epochSeconds, Math.min(60, durationSeconds / 20));
    }

    static String figures(EpochRow row) {
        return String.format(Locale.ROOT, "%.2fM ops/s  RSS %.1f MiB", row.opsPerSecond() / 1e6, row.rssKiB() / 1024.0);
    }

    private static final class Bar extends SoakProgress {
        private final ProgressBar bar;

        Bar(String label, int durationSeconds) {
            bar = new ProgressBarBuilder().setTaskName("soak " + label).setInitialMax(durationSeconds)
                    .setUnit(" s", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
        }

        @Override
        void epoch(EpochRow row) {
            bar.stepTo(Math.round(row.elapsedSeconds()));
            bar.setExtraMessage(figures(row));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines extends SoakProgress {
        private final String label;
        private final int durationSeconds;
        private final int intervalSeconds;
        private final PrintWriter out;
        private double nextPrintSeconds;

        Lines(String label, int durationSeconds, int intervalSeconds, PrintWriter out) {
            this.label = label;
            this.durationSeconds = durationSeconds;
            this.intervalSeconds = intervalSeconds;
            this.out = out;
            this.nextPrintSeconds = intervalSeconds;
        }

        @Override
        void epoch(EpochRow row) {
            // epochs end a little after their nominal time; allow 10% of an epoch of lateness
            if (row.elapsedSeconds() + 0.1 * intervalSeconds < nextPrintSeconds) {
                return;
            }
            double slack = 0.1 * intervalSeconds;
            nextPrintSeconds = (Math.floor((row.elapsedSeconds() + slack) / intervalSeconds) + 1) * intervalSeconds;
            out.printf(Locale.ROOT, "soak %s: %5.0f / %d s  epoch %d  %s%n", label, row.elapsedSeconds(), durationSeconds,
                    row.epoch(), figures(row));
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
