package org.hakbench.child;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one child JVM per {@link ChildSpec} and collects its {@link ChildOutcome}. The child runs on
 * the same JDK and class path as this process, with native access enabled, fixed heap flags and a
 * clean environment. A crash, a non-zero exit or a timeout becomes a failed outcome with the stderr
 * tail; only a failure to start the process at all (no java executable) is thrown.
 */
public final class ChildLauncher {

    /**
     * JVM options of every measuring child unless a spec overrides them: a fixed 256 MiB heap (so
     * heap sizing never differs between runs), the serial collector (no concurrent GC threads
     * competing for the 2 cores of small machines; the loops allocate nothing on the heap), and no
     * hsperfdata file.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    /**
     * Class-data sharing for child start-up: the first child writes a dynamic CDS archive of the
     * classes it loaded (JDK, Jackson, hakbench), later children map it. Halves start-up CPU (about
     * 0.7 s -> 0.35 s per child here) and touches only class loading, not the JIT-compiled loop. The
     * JDK re-creates the archive when the class path or JDK changes, and unlinks the file before
     * rewriting it, so a running child never sees it change. Only for class paths of jar files.
     */
    public static List<String> classDataSharingOptions(String javaExecutable, String classPath, List<String> jvmOptions) {
        // A dynamic archive cannot hold classes from directories (a test class path): the JDK then
        // fails the child at exit, so such class paths start without it.
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !java.nio.file.Files.isRegularFile(Path.of(entry))) {
                return List.of();
            }
        }
        // The JDK checks the class path itself and re-creates a stale archive; the name only keeps
        // apart what it cannot reconcile (another JDK, other JVM options).
        String key = javaExecutable + "|" + Runtime.version() + "|" + jvmOptions;
        String name = "hakbench-child-" + Integer.toHexString(key.hashCode()) + ".jsa";
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archiveDirectory().resolve(name));
    }

    /** Beside hakbench's jar or classes (harness/target/), so `mvn clean` removes it; else the temp dir. */
    private static Path archiveDirectory() {
        try {
            Path codeSource = Path.of(ChildLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = codeSource.getParent();
            if (dir != null && java.nio.file.Files.isWritable(dir)) {
                return dir;
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the temp dir
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Environment variables never inherited by a child: they would change what is measured. */
    private static final List<String> STRIPPED_VARIABLES = List.of("LD_PRELOAD", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final int STDERR_TAIL_LINES = 40;
    /** Bounded so a runaway child cannot exhaust the parent; the result line is the last JSON line. */
    private static final int STDOUT_TAIL_LINES = 10_000;

    private final String javaExecutable;
    private final String classPath;

    /** A launcher for this JVM's java executable and class path. */
    public ChildLauncher() {
        this(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                System.getProperty("java.class.path"));
    }

    /** The java executable children run on (this JVM's by default). */
    public String javaExecutable() {
        return javaExecutable;
    }

    /** The class path children run with (this JVM's by default). */
    public String classPath() {
        return classPath;
    }

    public ChildLauncher(String javaExecutable, String classPath) {
        this.javaExecutable = javaExecutable;
        this.classPath = classPath;
    }

    /** The command line a spec runs as. */
    public List<String> command(ChildSpec spec) {
        List<String> command = new ArrayList<>(spec.commandPrefix());
        if (!spec.nativeCommand().isEmpty()) {
            command.addAll(spec.nativeCommand());
            return command;
        }
        command.add(javaExecutable);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(spec.jvmOptions());
        command.addAll(classDataSharingOptions(javaExecutable, classPath, spec.jvmOptions()));
        command.add("-cp");
        command.add(classPath);
        command.add(ChildMain.class.getName());
        command.add(spec.modeClass());
        command.add(spec.configJson());
        return command;
    }

    /** The child's environment: ours minus HAKMEM_* and {@link #STRIPPED_VARIABLES}, plus the spec's. */
    static void cleanEnvironment(Map<String, String> env, ChildSpec spec) {
        env.keySet().removeIf(k -> k.startsWith("HAKMEM_") || STRIPPED_VARIABLES.contains(k));
        env.putAll(spec.environment());
        // the child ends when this process does, whatever wrapper sits between (OrchestratorWatch)
        env.put(OrchestratorWatch.PARENT_PID_VARIABLE, Long.toString(ProcessHandle.current().pid()));
        if (spec.preloadLibrary() != null) {
            env.put("LD_PRELOAD", spec.preloadLibrary().toString());
        }
    }

    /** Runs the child to completion or timeout. */
    public ChildOutcome run(ChildSpec spec) {
        List<String> command = command(spec);
        ProcessBuilder builder = new ProcessBuilder(command);
        cleanEnvironment(builder.environment(), spec);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start child JVM " + javaExecutable + ": " + e.getMessage(), e);
        }
        closeQuietly(process);
        StreamTail stdout = StreamTail.start(process.getInputStream(), STDOUT_TAIL_LINES);
        StreamTail stderr = StreamTail.start(process.getErrorStream(), STDERR_TAIL_LINES);
        boolean finished;
        try {
            finished = process.waitFor(spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long wallNanos = System.nanoTime() - start;
        List<String> outLines = stdout.join();
        String errTail = String.join("\n", stderr.join());
        String resultLine = null;
        for (String line : outLines) {
            if (line.startsWith("{")) {
                resultLine = line;
            }
        }
        return new ChildOutcome(command, finished ? process.exitValue() : -1, !finished, resultLine, errTail, wallNanos);
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();   // the child reads no stdin
        } catch (IOException e) {
            // nothing to clean up
        }
    }

    /** Drains a stream on its own thread, keeping the last {@code maxLines} lines. */
    private static final class StreamTail {
        private final Deque<String> lines = new ArrayDeque<>();
        private final Thread thread;

        private StreamTail(InputStream in, int maxLines) {
            thread = Thread.ofPlatform().daemon().name("child-stream").start(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (lines) {
                            lines.addLast(line);
                            if (lines.size() > maxLines) {
                                lines.removeFirst();
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process died; what was read is kept
                }
            });
        }

        static StreamTail start(InputStream in, int maxLines) {
            return new StreamTail(in, maxLines);
        }

        List<String> join() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
