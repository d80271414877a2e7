package org.hakbench.cli;

import java.time.Duration;

import org.hakbench.rebase.RebaseRunner;

import picocli.CommandLine.Option;

/**
 * The random_mixed settings of one measured child run, shared by {@code rebase} and {@code ab} so
 * both measure exactly the same loop with the same defaults (an A/B is a rebase of two configurations).
 */
final class LoopOptions {
    @Option(names = "--iters", paramLabel = "N", defaultValue = "20000000",
            description = "Timed iterations per run, each one malloc or free (default: ${DEFAULT-VALUE}).")
    long iters;

    @Option(names = "--ws", paramLabel = "SLOTS", defaultValue = "400", description = "Working set: number of slots (default: ${DEFAULT-VALUE}).")
    int ws;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "PRNG seed; 0 means 1 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "" + RebaseRunner.DEFAULT_WARMUP_ITERS,
            description = "Untimed warm-up iterations per run, in calls of " + RebaseRunner.WARMUP_CHUNK_OPS + " (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "Wall-clock limit per child JVM (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** The per-child time limit; a value under one second is refused naming the option. */
    Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout=" + timeoutSeconds + ": must be at least 1 second");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }
}
