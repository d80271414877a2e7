package org.hakbench.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from /proc/self/status (Linux), in KiB. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Peak resident set size so far (VmHWM), KiB. */
    public static long peakRssKiB() {
        return field("VmHWM:");
    }

    /** Current resident set size (VmRSS), KiB. */
    public static long rssKiB() {
        return field("VmRSS:");
    }

    /** Resident anonymous memory (RssAnon): what heap allocators add, without mapped files. KiB. */
    public static long anonRssKiB() {
        return field("RssAnon:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    // "VmHWM:     12345 kB"
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
            throw new IllegalStateException("/proc/self/status has no " + name + " line");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status: " + e.getMessage(), e);
        }
    }
}
