package org.hakbench.soak;

import java.util.Optional;

/**
 * Stops the soak child when the hakbench process that started it is gone (killed with -9, say), so no
 * orphan keeps a core busy: a daemon thread checks twice a second that the original parent is alive
 * and still our parent (an orphan is re-parented to init or a subreaper).
 */
final class ParentWatch {
    static final long POLL_MILLIS = 500;
    static final String PARENT_GONE = "parent process gone";

    private ParentWatch() {
    }

    static void start(StopSignal stop) {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            stop.request(PARENT_GONE);
            return;
        }
        long parentPid = parent.get().pid();
        Thread.ofPlatform().daemon().name("soak-parent-watch").start(() -> {
            while (!stop.requested()) {
                boolean ours = ProcessHandle.current().parent().map(p -> p.pid() == parentPid && p.isAlive()).orElse(false);
                if (!ours) {
                    stop.request(PARENT_GONE);
                    return;
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
