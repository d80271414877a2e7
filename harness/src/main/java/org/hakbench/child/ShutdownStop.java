package org.hakbench.child;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * On Ctrl-C / SIGTERM, runs a stop action and then holds the JVM's shutdown until the work has wound
 * down ({@link #close()}), at most {@code maxWaitMillis}: the JVM halts as soon as its shutdown hooks
 * return, so without the wait a soak's summary, a rebase's file of the runs done so far, or a child's
 * last flush would be cut off. Use in try-with-resources around the work; closing also unregisters
 * the hook.
 */
public final class ShutdownStop implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    /**
     * The measuring commands' stop: on a signal raise {@code stopRequested} (no new child starts) and
     * stop the running children, then wait up to {@code maxWaitMillis} for the results to be written.
     */
    public static ShutdownStop stoppingChildren(String name, java.util.concurrent.atomic.AtomicBoolean stopRequested,
                                                long maxWaitMillis) {
        return new ShutdownStop(name, () -> {
            stopRequested.set(true);
            stopJavaChildren();
        }, maxWaitMillis);
    }

    public ShutdownStop(String name, Runnable stopAction, long maxWaitMillis) {
        hook = new Thread(() -> {
            stopAction.run();
            try {
                done.await(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Asks this JVM's child JVMs to end (SIGTERM); their launchers then report them as failed runs. */
    public static void stopJavaChildren() {
        ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("java")).orElse(false))
                .forEach(ProcessHandle::destroy);
        // a child under a wrapper (strace -f for syscall counting, a C twin): SIGTERM the whole tree, the
        // measured process first, so the wrapper does not outlive the stop (before: strace kept the child
        // running and the JVM halted after its wait with nothing written)
        ProcessHandle.current().descendants()
                .filter(p -> !p.info().command().map(c -> Path.of(c).getFileName().toString().equals("java")).orElse(false)
                        || p.parent().map(q -> q.pid() != ProcessHandle.current().pid()).orElse(true))
                .sorted(java.util.Comparator.comparingInt(p -> -depth(p)))
                .forEach(ProcessHandle::destroy);
    }

    private static int depth(ProcessHandle p) {
        int d = 0;
        for (Optional<ProcessHandle> q = p.parent(); q.isPresent() && q.get().pid() != ProcessHandle.current().pid(); q = q.get().parent()) {
            d++;
        }
        return d;
    }

    /** The work is done: a running hook may return, and a hook that has not started never will. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and is released by the countDown above
        }
    }
}
