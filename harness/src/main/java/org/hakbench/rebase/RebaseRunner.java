package org.hakbench.rebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;

import org.hakbench.adapters.AllocatorKind;
import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.AllocatorUnavailableException;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildLauncher;
import org.hakbench.child.ChildOutcome;
import org.hakbench.child.ChildSpec;
import org.hakbench.child.NativeTwin;
import org.hakbench.child.ShutdownStop;
import org.hakbench.child.StraceCounter;
import org.hakbench.results.AtomicFiles;
import org.hakbench.results.Json;
import org.hakbench.results.MachineFingerprint;
import org.hakbench.results.OsCallCounts;
import org.hakbench.results.ResultFiles;
import org.hakbench.results.RunJournal;

/**
 * {@code hakbench rebase}: N interleaved runs (A B C, B C A, C A B, ...) of the random_mixed loop per
 * allocator, each in its own child JVM, then statistics, drift against the previous rebase, and the
 * JSON + markdown files. Works without picocli; the CLI only binds {@link RebaseConfig}.
 */
public final class RebaseRunner {

    /** Default warm-up: enough iterations for C2 to compile the loop (see README / closing note). */
    public static final long DEFAULT_WARMUP_ITERS = 2_000_000;
    /** Warm-up call size; 1000+ calls make run() hot as a method, not just as an OSR loop. */
    public static final long WARMUP_CHUNK_OPS = 2_000;
    /** How long Ctrl-C may hold the JVM's exit while the runs done so far are written. */
    private static final long SHUTDOWN_WAIT_MILLIS = 30_000;
    /** First run this far below the median (with it being the slowest) triggers a warning. */
    static final double FIRST_RUN_SLOW_FRACTION = 0.05;

    /** Runs one child; the default launches a JVM, tests may wrap it. */
    @FunctionalInterface
    public interface ChildRunner {
        ChildOutcome run(ChildSpec spec);
    }

    /** What was written. */
    public record Outcome(RebaseReport report, Path jsonFile, Path markdownFile, int failedRuns) {
    }

    /** One line of the rebase's journal: {@code phase} "timed" or "syscalls". */
    public record JournalEntry(String phase, RebaseReport.RunRecord run) {
    }

    static final String TIMED = "timed";
    static final String SYSCALLS = "syscalls";

    /** The allocators to measure, the reference, and what was skipped (one line each). */
    public record Plan(List<AllocatorSpec> allocators, String reference, List<String> skipped) {
    }

    private final ChildRunner children;
    private final Clock clock;

    public RebaseRunner() {
        this(new ChildLauncher()::run, Clock.systemUTC());
    }

    public RebaseRunner(ChildRunner children, Clock clock) {
        this.children = children;
        this.clock = clock;
    }

    /**
     * Validates {@code config} and chooses the allocators. Bad input -> IllegalArgumentException
     * naming the option; an explicitly named allocator whose library is missing ->
     * AllocatorUnavailableException (exit 3).
     */
    public Plan plan(RebaseConfig config) {
        checkAtLeast("--runs", config.runs(), 1);
        checkAtLeast("--iters", config.iters(), 1);
        checkAtLeast("--ws", config.ws(), 1);
        checkAtLeast("--warmup", config.warmupIters(), 0);
        if (config.timeout().isNegative() || config.timeout().isZero()) {
            throw new IllegalArgumentException("--timeout=" + config.timeout().toSeconds() + ": must be at least 1 second");
        }
        List<AllocatorSpec> chosen = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (config.allocators().isEmpty()) {
            List<AllocatorSpec> everything = new ArrayList<>(Allocators.all());
            everything.addAll(Allocators.natives());
            for (AllocatorSpec spec : everything) {
                if (spec.available()) {
                    chosen.add(spec);
                } else {
                    skipped.add("skipping " + spec.name() + ": " + spec.installHint());
                }
            }
        } else {
            for (String name : config.allocators()) {
                AllocatorSpec spec = checkAllocator("--allocators", name);
                if (chosen.contains(spec)) {
                    throw new IllegalArgumentException("--allocators: allocator=" + name + " is named twice");
                }
                if (!spec.available()) {
                    throw new AllocatorUnavailableException("allocator " + name + " was named but " + spec.installHint());
                }
                chosen.add(spec);
            }
        }
        config.hakmemEnv().keySet().forEach(RebaseRunner::checkHakmemVariable);
        ProfileCheck.check(config.profile(), config.hakmemEnv());
        String reference = chooseReference(config.reference(), chosen);
        String problem = AtomicFiles.checkWritableDirectory(config.resultsDir());
        if (problem != null) {
            throw new IllegalArgumentException("--results=" + config.resultsDir() + ": " + problem);
        }
        return new Plan(List.copyOf(chosen), reference, List.copyOf(skipped));
    }

    private static void checkAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + "=" + value + ": must be at least " + min);
        }
    }

    private static AllocatorSpec checkAllocator(String option, String name) {
        try {
            return Allocators.byNameOrNative(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static void checkHakmemVariable(String name) {
        if (!name.startsWith("HAKMEM_")) {
            throw new IllegalArgumentException("--env " + name + ": only HAKMEM_* variables can be set");
        }
    }

    private static String chooseReference(String requested, List<AllocatorSpec> chosen) {
        List<String> names = chosen.stream().map(AllocatorSpec::name).toList();
        if (requested != null) {
            checkAllocator("--reference", requested);
            if (!names.contains(requested)) {
                throw new IllegalArgumentException("--reference=" + requested + ": not among the measured allocators " + names);
            }
            return requested;
        }
        return Allocators.preferredReference(names).orElse(names.getFirst());
    }

    /** Runs the whole rebase and writes its files; failed children are recorded, never thrown. */
    @SuppressWarnings("try")   // the resource guards the block (a signal hook, a lock); the body need not touch it
    public Outcome run(RebaseConfig config, RebaseProgress progress) {
        Plan plan = plan(config);
        plan.skipped().forEach(progress::note);
        List<String> warnings = new ArrayList<>();
        PreviousRebase previous = PreviousRebase.load(config.resultsDir(), warnings);
        String strace = config.countSyscalls() ? StraceCounter.unavailableReason() : "disabled (--no-syscalls)";
        // hakmem is traced too, as a cross-check of its own counters (see RebaseStatistics).
        List<AllocatorSpec> counted = strace == null ? plan.allocators() : List.of();
        int total = config.runs() * plan.allocators().size() + counted.size();
        progress.start(total);

        Instant createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        MachineFingerprint machine = MachineFingerprint.capture();
        if (previous != null && !previous.report().machine().id().equals(machine.id())) {
            warnings.add("drift: previous rebase " + previous.file().getFileName() + " is from machine " + previous.report().machine().id()
                    + ", this is " + machine.id() + " (CPU, kernel, JDK or library versions differ): not like for like");
        }
        long startNanos = System.nanoTime();
        int done = 0;
        List<RebaseReport.RunRecord> runs = new ArrayList<>();
        // the result's name is reserved now, and every finished run is journalled beside it
        Path json = ResultFiles.newJsonFile(config.resultsDir(), RebaseReport.KIND, createdAt);
        Path markdown = ResultFiles.sibling(json, ".md");
        RunJournal<JournalEntry> journal = RunJournal.beside(json, JournalEntry.class);
        // Ctrl-C / SIGTERM: no new child starts, the running one is stopped (and kept as a failed
        // run), and the runs done so far are still summarised and written before the JVM exits.
        AtomicBoolean stopRequested = new AtomicBoolean();
        try (journal; ShutdownStop shutdown = ShutdownStop.stoppingChildren("rebase-shutdown", stopRequested, SHUTDOWN_WAIT_MILLIS)) {
            measure:
            for (int round = 1; round <= config.runs(); round++) {
                for (AllocatorSpec spec : rotated(plan.allocators(), round - 1)) {
                    if (stopRequested.get()) {
                        break measure;
                    }
                    RebaseReport.RunRecord run = runChild(config, spec, runs.size() + 1, round, List.of(), false);
                    journal.append(new JournalEntry(TIMED, run), done);
                    runs.add(run);
                    done++;
                    progress.childDone(done, total, describe(run), System.nanoTime() - startNanos, eta(startNanos, done, total));
                }
            }
            List<RebaseReport.RunRecord> syscallRuns = new ArrayList<>();
            Map<String, RebaseReport.RunRecord> countingRuns = new LinkedHashMap<>();
            for (AllocatorSpec spec : counted) {
                if (stopRequested.get()) {
                    break;
                }
                Path log = tempLog();
                RebaseReport.RunRecord run = runChild(config, spec, syscallRuns.size() + 1, 1, StraceCounter.prefix(log), true);
                OsCallCounts traced = run.ok() ? StraceCounter.count(log) : OsCallCounts.unknown("strace counting run failed: " + run.failure());
                journal.append(new JournalEntry(SYSCALLS, run.withStraced(traced)), done);
                countingRuns.put(spec.name(), run.withStraced(traced));
                syscallRuns.add(countingRuns.get(spec.name()));
                deleteQuietly(log);
                done++;
                progress.childDone(done, total, "syscall count " + spec.name() + ": " + traced.total() + " calls",
                        System.nanoTime() - startNanos, eta(startNanos, done, total));
            }
            if (stopRequested.get()) {
                warnings.add("interrupted: stopped by a signal after " + runs.size() + " of "
                        + config.runs() * plan.allocators().size() + " runs; the statistics cover the runs done");
            }

            // the report is assembled from the journal, the record that survives a crash
            List<JournalEntry> entries = journal.read();
            runs = entries.stream().filter(e -> e.phase().equals(TIMED)).map(JournalEntry::run).toList();
            syscallRuns = entries.stream().filter(e -> e.phase().equals(SYSCALLS)).map(JournalEntry::run).toList();
            countingRuns = new LinkedHashMap<>();
            for (RebaseReport.RunRecord r : syscallRuns) {
                countingRuns.put(r.allocator(), r);
            }
            List<RebaseReport.AllocatorSummary> summaries = RebaseStatistics.summarize(plan, runs, countingRuns,
                    config.iters(), previous, warnings);
            RebaseReport.Settings settings = settings(config, plan, strace);
            if (previous != null && !sameWorkload(previous.report().settings(), settings)) {
                warnings.add("drift: previous rebase " + previous.file().getFileName() + " ran another workload (iters, ws, seed,"
                        + " warmup or profile differ): not like for like");
            }
            RebaseReport report = new RebaseReport(RebaseReport.SCHEMA, RebaseReport.KIND, createdAt, machine,
                    settings, allocatorInfos(config, plan), plan.skipped(), runs, syscallRuns,
                    summaries, warnings, previous == null ? null : previous.file().getFileName().toString());
            try {
                Json.writeFile(json, report);
                AtomicFiles.writeString(markdown, RebaseTables.markdown(report));
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("cannot write " + json.getFileName() + " / " + markdown.getFileName() + " ("
                        + e.getMessage() + "); every finished run is in " + journal.file(), e instanceof IOException io ? io
                        : ((UncheckedIOException) e).getCause());
            }
            journal.delete();
            int failed = (int) runs.stream().filter(r -> !r.ok()).count();
            return new Outcome(report, json, markdown, failed);
        }
    }

    /**
     * The allocators starting at position shift (wrapping): round r starts with the r-th, so every
     * allocator runs first, right after every other, and last equally often. With one fixed order
     * whatever depends on the place in a round (what ran just before, a state the machine is left
     * in) would fall on the same allocator every round.
     */
    static <T> List<T> rotated(List<T> items, int shift) {
        List<T> out = new ArrayList<>(items);
        java.util.Collections.rotate(out, -shift);
        return out;
    }

    private RebaseReport.RunRecord runChild(RebaseConfig config, AllocatorSpec spec, int index, int round,
                                            List<String> prefix, boolean markSyscalls) {
        RebaseRunSpec runSpec = new RebaseRunSpec(spec.name(), config.iters(), config.ws(), config.seed(),
                config.warmupIters(), WARMUP_CHUNK_OPS, markSyscalls);
        ChildSpec child = spec.kind() == AllocatorKind.NATIVE_TWIN
                ? ChildSpec.ofNative(spec.name(), NativeTwin.command(spec.name(), spec.baseName().equals("null"), config.iters(),
                        config.ws(), config.seed(), config.warmupIters(), markSyscalls), config.timeout())
                        .withPreload(spec.preloadLibrary())
                        .withCommandPrefix(prefix)
                : ChildSpec.of(RebaseChild.class, runSpec, config.timeout())
                .withEnvironment(childEnvironment(config, spec))
                .withPreload(spec.preloadLibrary())
                .withCommandPrefix(prefix);
        ChildOutcome outcome = children.run(child);
        if (outcome.ok()) {
            try {
                RebaseRunResult result = outcome.result(RebaseRunResult.class);
                String wrongLibrary = wrongNativeLibrary(spec, result);
                if (wrongLibrary != null) {
                    return new RebaseReport.RunRecord(index, round, spec.name(), false, wrongLibrary, outcome.stderrTail(),
                            outcome.wallNanos(), null, null);
                }
                return new RebaseReport.RunRecord(index, round, spec.name(), true, null, null, outcome.wallNanos(), result, null);
            } catch (IllegalArgumentException e) {
                return new RebaseReport.RunRecord(index, round, spec.name(), false, e.getMessage(), outcome.stderrTail(),
                        outcome.wallNanos(), null, null);
            }
        }
        return new RebaseReport.RunRecord(index, round, spec.name(), false, outcome.failureReason(), outcome.stderrTail(),
                outcome.wallNanos(), null, null);
    }

    /**
     * A C twin names the file its malloc resolved to; a preload that did not take (a missing or
     * unloadable library) must fail the run, never pass glibc off as the competitor.
     */
    static String wrongNativeLibrary(AllocatorSpec spec, RebaseRunResult result) {
        if (spec.kind() != AllocatorKind.NATIVE_TWIN) {
            return null;
        }
        return NativeTwin.wrongLibrary(spec.name(), spec.mallocLibrary(), spec.preloadLibrary(), result.implementation());
    }

    /** HAKMEM_* for hakmem children only (profile + --env); every other child gets none. */
    static Map<String, String> childEnvironment(RebaseConfig config, AllocatorSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        if (spec.kind() == AllocatorKind.EMBEDDED_HAKMEM) {
            if (config.profile() != null) {
                env.put("HAKMEM_PROFILE", config.profile());
            }
            env.putAll(config.hakmemEnv());
        }
        return env;
    }

    private static RebaseReport.Settings settings(RebaseConfig config, Plan plan, String straceProblem) {
        return new RebaseReport.Settings(config.runs(), config.iters(), config.ws(), config.seed(), config.warmupIters(),
                WARMUP_CHUNK_OPS, config.profile(), plan.reference(), config.timeout().toSeconds(),
                jvmOptions(),
                straceProblem == null ? "hakmem: its own counters; others: " + String.join(" ", StraceCounter.prefix(Path.of("LOG")))
                        + " in one separate untimed run each" : "hakmem: its own counters; others: unknown (" + straceProblem + ")");
    }

    private static boolean sameWorkload(RebaseReport.Settings a, RebaseReport.Settings b) {
        return a.iters() == b.iters() && a.ws() == b.ws() && a.seed() == b.seed() && a.warmupIters() == b.warmupIters()
                && java.util.Objects.equals(a.profile(), b.profile());
    }

    /** The children's JVM options as launched (heap, GC, class-data sharing). */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(ChildLauncher.DEFAULT_JVM_OPTIONS);
        ChildLauncher launcher = new ChildLauncher();
        options.addAll(ChildLauncher.classDataSharingOptions(launcher.javaExecutable(), launcher.classPath(), ChildLauncher.DEFAULT_JVM_OPTIONS));
        return options;
    }

    private static List<RebaseReport.AllocatorInfo> allocatorInfos(RebaseConfig config, Plan plan) {
        Map<String, String> versions = Allocators.libraryVersions();
        List<RebaseReport.AllocatorInfo> infos = new ArrayList<>();
        for (AllocatorSpec spec : plan.allocators()) {
            Map<String, String> env = new LinkedHashMap<>(childEnvironment(config, spec));
            if (spec.preloadLibrary() != null) {
                env.put("LD_PRELOAD", spec.preloadLibrary().toString());
            }
            infos.add(new RebaseReport.AllocatorInfo(spec.name(), spec.kind().name(), spec.description(),
                    spec.preloadLibrary(), spec.debianPackage(),
                    spec.kind() == AllocatorKind.NATIVE_TWIN ? Allocators.libraryVersion(spec) : versions.get(spec.name()), env));
        }
        return infos;
    }

    private static String describe(RebaseReport.RunRecord run) {
        if (!run.ok()) {
            return String.format("%-9s run %d FAILED: %s", run.allocator(), run.round(), run.failure());
        }
        return String.format("%-9s run %d: %8.2f M ops/s (%.2f s in child JVM)", run.allocator(), run.round(),
                run.result().opsPerSec() / 1e6, run.wallNanos() / 1e9);
    }

    private static long eta(long startNanos, int done, int total) {
        long elapsed = System.nanoTime() - startNanos;
        return done == 0 ? 0 : elapsed / done * (total - done);
    }

    private static Path tempLog() {
        try {
            return Files.createTempFile("hakbench-strace", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary strace log: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }

    /** The newest earlier rebase in the results directory, if readable. */
    record PreviousRebase(Path file, RebaseReport report) {
        static PreviousRebase load(Path dir, List<String> warnings) {
            List<Path> files = ResultFiles.list(dir, RebaseReport.KIND);
            if (files.isEmpty()) {
                return null;
            }
            Path newest = files.getFirst();
            try {
                return new PreviousRebase(newest, ResultFiles.load(newest, RebaseReport.class, RebaseReport.KIND, RebaseReport.SCHEMA));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                warnings.add("no drift: previous rebase unreadable: " + e.getMessage());
                return null;
            }
        }

        Optional<RebaseReport.AllocatorSummary> summary(String allocator) {
            return report.summary(allocator);
        }
    }
}
