package org.hakbench.child;

import java.util.Optional;

/**
 * Ends a child JVM whose hakbench process is gone (kill -9 of rebase, ab or scale), so no orphan keeps
 * a core busy or spins forever in a hung workload. The launcher names its own pid in
 * {@link #PARENT_PID_VARIABLE}: the direct parent may be a wrapper (strace), which outlives hakbench.
 * A daemon thread checks twice a second; the child halts with {@link #EXIT_CODE}. Nothing is lost
 * by halting: a measuring child writes nothing but its result line, which nobody is left to read.
 */
final class OrchestratorWatch {
    /** Environment variable with the pid of the hakbench process that started the child. */
    static final String PARENT_PID_VARIABLE = "HAKBENCH_PARENT_PID";
    static final long POLL_MILLIS = 500;
    /** 128 + SIGKILL, as if the child had been killed with its parent. */
    static final int EXIT_CODE = 137;

    private OrchestratorWatch() {
    }

    static void start() {
        String pid = System.getenv(PARENT_PID_VARIABLE);
        if (pid == null) {
            return;   // started by hand or by a test's own launcher: nobody to watch
        }
        Optional<ProcessHandle> orchestrator;
        try {
            orchestrator = ProcessHandle.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PARENT_PID_VARIABLE + "=" + pid + ": not a pid", e);
        }
        if (orchestrator.isEmpty()) {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
        ProcessHandle watched = orchestrator.get();
        // the start instant tells a recycled pid from the original process
        Optional<java.time.Instant> started = watched.info().startInstant();
        Thread.ofPlatform().daemon().name("orchestrator-watch").start(() -> {
            while (true) {
                boolean alive = watched.isAlive() && watched.info().startInstant().equals(started);
                if (!alive) {
                    System.err.println("hakbench process " + watched.pid() + " is gone: stopping this child");
                    Runtime.getRuntime().halt(EXIT_CODE);
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }
}
