package org.hakbench.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hakbench.nativeaccess.SyscallMarker;
import org.hakbench.results.OsCallCounts;

/**
 * Counts the OS memory calls of a measured region from outside, with strace, for allocators that do
 * not count their own (glibc and the preloaded competitors, Netty, the null allocator).
 *
 * <p>How: the child runs under {@code strace -f --seccomp-bpf -e trace=mmap,munmap,madvise,brk,mremap,getppid};
 * the child brackets its timed loop with {@link SyscallMarker#mark()} ({@code getppid}); only the
 * calls of the marking thread between its first and last marker are counted, so JVM start-up, JIT and
 * GC threads are excluded. strace stops the tracee at every traced call, so a traced run is never
 * timed: callers make a separate counting run and keep its timing out of the statistics.
 */
public final class StraceCounter {

    /** System calls counted (plus the marker). */
    public static final List<String> COUNTED = List.of("mmap", "munmap", "madvise", "brk", "mremap");

    private static final Pattern LINE = Pattern.compile("^(\\d+)\\s+([a-z_0-9]+)\\(");

    private StraceCounter() {
    }

    /** Whether strace can be run here; null when it can, else the reason. */
    public static String unavailableReason() {
        try {
            Process p = new ProcessBuilder("strace", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : "strace -V failed";
        } catch (IOException e) {
            return "strace not installed (apt-get install strace)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The command prefix that traces a child into {@code log}. */
    public static List<String> prefix(Path log) {
        return List.of("strace", "-f", "-qq", "--seccomp-bpf",
                "-e", "trace=" + String.join(",", COUNTED) + "," + SyscallMarker.SYSCALL,
                "-o", log.toString());
    }

    /** Counts from a strace log written with {@link #prefix}; unknown when the markers are missing. */
    public static OsCallCounts count(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read strace log " + log + ": " + e.getMessage(), e);
        }
        String markerThread = null;
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            if (m.find() && m.group(2).equals(SyscallMarker.SYSCALL)) {
                if (markerThread == null) {
                    markerThread = m.group(1);
                    first = i;
                } else if (m.group(1).equals(markerThread)) {
                    last = i;
                }
            }
        }
        if (markerThread == null || last < 0) {
            return OsCallCounts.unknown("strace log " + log.getFileName() + " has no pair of " + SyscallMarker.SYSCALL + " markers");
        }
        Map<String, Long> counts = new HashMap<>();
        for (int i = first + 1; i < last; i++) {
            Matcher m = LINE.matcher(lines.get(i));
            // "<... mmap resumed>" lines continue a call already counted on its "<unfinished ...>" line.
            if (m.find() && m.group(1).equals(markerThread)) {
                counts.merge(m.group(2), 1L, Long::sum);
            }
        }
        return new OsCallCounts(counts.getOrDefault("mmap", 0L), counts.getOrDefault("munmap", 0L),
                counts.getOrDefault("madvise", 0L), counts.getOrDefault("brk", 0L), counts.getOrDefault("mremap", 0L),
                "strace (separate untimed run, loop thread only, between markers)");
    }
}
