package org.hakbench.verdict;

import java.util.Locale;

import org.hakbench.rebase.RebaseRunResult;

/**
 * Which per-run figure a verdict compares. Wall-clock ops/s is what the seeds quote; ops per CPU-second
 * of the loop thread leaves out the time the thread waited for a core, so it is the steadier figure
 * when other processes share the machine (it still includes cache and memory interference).
 */
public enum Measure {
    WALL("ops/s (wall clock)"),
    CPU("ops per CPU-second of the loop thread");

    private final String description;

    Measure(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** This measure's figure of one run. */
    public double of(RebaseRunResult run) {
        return this == WALL ? run.opsPerSec() : run.opsPerCpuSec();
    }

    /** {@code wall} or {@code cpu}; anything else -> exception naming the value. */
    public static Measure parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("--measure=" + text + ": known measures: wall, cpu");
        }
    }
}
