package org.hakbench.cli;

import java.io.PrintWriter;

import org.hakbench.results.Json;

import picocli.CommandLine.Option;

/**
 * {@code --json -}, shared by the commands that write a result file: the result document goes to stdout
 * (for a pipe), and what the command would have printed goes to stderr instead.
 */
final class JsonOption {
    @Option(names = "--json", paramLabel = "-", description = "'-' prints the result JSON on stdout; the human output then goes to stderr.")
    String json;

    /** Whether --json - was given; anything but '-' is refused naming the value. */
    boolean enabled() {
        if (json != null && !json.equals("-")) {
            throw new IllegalArgumentException("--json=" + json + ": only '-' (stdout) is supported; files go to --results");
        }
        return json != null;
    }

    /** Where the human output goes: stdout, or stderr with --json. */
    PrintWriter human(PrintWriter out, PrintWriter err) {
        return enabled() ? err : out;
    }

    /** Prints the document on stdout when --json - was given. */
    void print(PrintWriter out, Object document) {
        if (enabled()) {
            out.print(Json.pretty(document));
            out.flush();
        }
    }
}
