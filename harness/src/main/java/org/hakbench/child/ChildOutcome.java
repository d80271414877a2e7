package org.hakbench.child;

import java.util.List;

import org.hakbench.results.Json;

/**
 * What came back from one child JVM. Never thrown away: a failed run keeps its reason and stderr.
 *
 * @param command     the full command line that was run
 * @param exitCode    the process exit code; -1 when it was killed on timeout
 * @param timedOut    true when the timeout killed it
 * @param resultLine  the last stdout line that starts with '{' (the mode's JSON), or null
 * @param stderrTail  the last lines of stderr (bounded), for failure reports
 * @param wallNanos   wall-clock time from start to exit, including JVM start-up
 */
public record ChildOutcome(List<String> command, int exitCode, boolean timedOut, String resultLine,
                           String stderrTail, long wallNanos) {

    /** Exit 0 with a result line. */
    public boolean ok() {
        return !timedOut && exitCode == 0 && resultLine != null;
    }

    /** Why it failed, in one line, or null when it did not. */
    public String failureReason() {
        if (ok()) {
            return null;
        }
        if (timedOut) {
            return "timed out after " + wallNanos / 1_000_000 + " ms and was killed";
        }
        if (exitCode != 0) {
            return "child exited with code " + exitCode + (exitCode > 128 ? " (signal " + (exitCode - 128) + ")" : "");
        }
        return "child exited 0 but printed no result line";
    }

    /** The result line bound to {@code type}; call only when {@link #ok()}. */
    public <R> R result(Class<R> type) {
        if (resultLine == null) {
            throw new IllegalStateException("no result line: " + failureReason());
        }
        return Json.read(resultLine, type, "child result line");
    }
}
