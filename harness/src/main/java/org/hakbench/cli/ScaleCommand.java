package org.hakbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.AllocatorUnavailableException;
import org.hakbench.adapters.Allocators;
import org.hakbench.child.ChildLauncher;
import org.hakbench.rebase.ProfileCheck;
import org.hakbench.scale.ScaleConfig;
import org.hakbench.scale.ScaleReport;
import org.hakbench.scale.ScaleRunner;
import org.hakbench.workload.WorkloadKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakbench scale}: binds options into a {@link ScaleConfig} and calls {@link ScaleRunner}. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Runs a multi-threaded workload at several thread counts against each allocator, one child JVM per"
                + " (run, threads, allocator), and reports ops/s, speed-up relative to the first thread count, ops per"
                + " CPU-second and peak RSS (VmHWM) as a table, results/scale-<UTC>.json and a PNG plot (ops/s vs threads)."
                + " Workloads are specified in docs/workloads/; reading the figures: docs/scale.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every run measured", "1:some runs failed (kept in the file with their stderr)",
                "2:bad option or value", "3:a named allocator is not installed"})
public final class ScaleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "NAME",
            description = "glibc-thread, larson, xmalloc, cache-thrash or cache-scratch.")
    String workload;

    @Option(names = "--threads", split = ",", paramLabel = "N", defaultValue = "1,2,4",
            description = "Thread counts of the sweep; the first is the speed-up base (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--allocators", split = ",", paramLabel = "NAME",
            description = "Allocators to run, native:* (the C twins, larson and xmalloc only) included (default: every one installed here, with the C twins where the workload has one; missing ones are skipped with a note).")
    List<String> allocators;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Child JVMs per (allocator, threads) point (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--iters", paramLabel = "STEPS", defaultValue = "0",
            description = "Fixed work: loop steps per worker thread (see the workload's file). Excludes --duration.")
    long iters;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Timed phase length per run (default: 3 when --iters is not given).")
    Double durationSeconds;

    @Option(names = "--warmup", paramLabel = "STEPS",
            description = "Untimed warm-up steps per thread in each child (default: the workload's, e.g. larson 200000).")
    Long warmupIters;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Base PRNG seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "Workload parameter, repeatable, e.g. --param ws=1000 (keys per workload in docs/workloads/).")
    Map<String, Long> params = new TreeMap<>();

    @Option(names = "--profile", paramLabel = "NAME",
            description = "hakmem profile, HAKMEM_PROFILE of hakmem runs (default: the allocator's, MIXED_TINYV3_C7_SAFE).")
    String profile;

    @Option(names = "--env", paramLabel = "HAKMEM_X=V", description = "Extra HAKMEM_* variable for hakmem runs; repeatable.")
    Map<String, String> env = new TreeMap<>();

    @Option(names = "--reference", paramLabel = "NAME",
            description = "Allocator the others are compared with run by run, as a ratio with a 95%% CI (default: mimalloc"
                    + " if it runs, else glibc if it runs, else none; 'none' for no comparison).")
    String reference;

    @Option(names = "--verify", description = "Write a pattern into every block and check it before free (slower; for checking, not measuring).")
    boolean verify;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "A child running longer is killed and counted as a failed run (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = {"--results", "--results-dir"}, paramLabel = "DIR", defaultValue = "results",
            description = "Where the JSON and PNG go (default: ${DEFAULT-VALUE}).")
    String resultsDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScaleConfig config;
        try {
            WorkloadKind kind = WorkloadKind.parse(workload);
            List<String> chosen = chooseAllocators(kind, err);
            config = new ScaleConfig(kind, threads, chosen, runs, iters,
                    durationMillis(), warmupIters == null ? WorkloadKind.parse(workload).defaultWarmupIters() : warmupIters,
                    seed, new TreeMap<>(params), verify, timeoutSeconds, resultsDir, profile, new TreeMap<>(env),
                    reference == null ? Allocators.preferredReference(chosen).orElse(null) : "none".equals(reference) ? null : reference);
            ProfileCheck.check(profile, env);
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage().startsWith("unknown workload") ? "--workload: " + e.getMessage() : e.getMessage());
        }
        try {
            ScaleReport report = new ScaleRunner(new ChildLauncher()).run(config, out);
            if (!report.allRunsOk()) {
                err.println("error: some runs failed; see \"failure\" in " + report.jsonFile());
                return ExitCodes.NO_GO;
            }
            return ExitCodes.OK;
        } catch (AllocatorUnavailableException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
    }

    private long durationMillis() {
        if (durationSeconds == null) {
            return iters > 0 ? 0 : 3000;
        }
        if (!(durationSeconds > 0) || durationSeconds > 86_400) {
            throw new IllegalArgumentException("--duration=" + durationSeconds + ": must be in (0, 86400] seconds");
        }
        return Math.round(durationSeconds * 1000);
    }

    /**
     * The named allocators, or every installed one (a note names the Debian package of each one
     * skipped), and for larson and xmalloc the C twins (native:*) too.
     */
    private List<String> chooseAllocators(WorkloadKind kind, PrintWriter err) {
        if (allocators != null) {
            allocators.forEach(Allocators::byNameOrNative);
            return allocators;
        }
        List<String> chosen = new ArrayList<>();
        List<AllocatorSpec> candidates = new ArrayList<>(Allocators.all());
        if (ScaleConfig.NATIVE_WORKLOADS.contains(kind) && !verify) {
            candidates.addAll(Allocators.natives());   // the C twins, where the workload has one
        }
        for (AllocatorSpec s : candidates) {
            if (s.available()) {
                chosen.add(s.name());
            } else {
                err.println("note: skipping " + s.name() + ": " + s.installHint());
            }
        }
        return chosen;
    }

    private static int usageError(PrintWriter err, String message) {
        err.println("error: " + message);
        err.println("see 'hakbench scale --help'");
        return ExitCodes.USAGE;
    }
}
