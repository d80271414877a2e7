package org.hakbench.cli;

import java.io.PrintWriter;
import java.time.Duration;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hakbench.rebase.RebaseProgress;

/**
 * Rebase progress on the console: a progress bar (run i of n, elapsed, ETA) on an interactive
 * terminal, plain lines otherwise (CI logs, pipes, tests). Each finished child is also one line.
 */
final class ConsoleProgress implements RebaseProgress {

    private final PrintWriter out;
    private final boolean terminal;
    private ProgressBar bar;

    ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A terminal is interactive when the JVM has a console and the output is not redirected. */
    static boolean interactiveTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void start(int totalChildren) {
        out.printf("rebase: %d child JVMs%n", totalChildren);
        out.flush();
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("rebase").setInitialMax(totalChildren)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed().build();
        }
    }

    @Override
    public void childDone(int done, int total, String line, long elapsedNanos, long etaNanos) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + shorten(line));
        } else {
            out.printf("[%d/%d %s elapsed, ETA %s] %s%n", done, total, clock(elapsedNanos), clock(etaNanos), line);
            out.flush();
        }
    }

    @Override
    public void note(String message) {
        out.println(message);
        out.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** The bar shares one terminal line with the message: keep the message short. */
    private static String shorten(String line) {
        String compact = line.replaceAll("\\s+", " ");
        return compact.length() <= 40 ? compact : compact.substring(0, 39) + "…";
    }

    private static String clock(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
