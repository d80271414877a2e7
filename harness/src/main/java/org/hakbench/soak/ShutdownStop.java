package org.hakbench.soak;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * On Ctrl-C / SIGTERM, runs a stop action and then holds the JVM's shutdown until the work has wound
 * down ({@link #close()}), at most {@code maxWaitMillis}: the JVM halts as soon as its shutdown hooks
 * return, so without the wait the soak's summary (or the child's last flush) would be cut off.
 * Use in try-with-resources around the work; closing also unregisters the hook.
 */
final class ShutdownStop implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    ShutdownStop(String name, Runnable stopAction, long maxWaitMillis) {
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
