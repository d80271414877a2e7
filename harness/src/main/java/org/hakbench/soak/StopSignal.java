package org.hakbench.soak;

/**
 * A one-way flag the soak loop polls once per sample group (a plain volatile read: cheap next to the
 * 2,048 operations of a default sample group). The first reason given wins.
 */
final class StopSignal {
    private volatile String reason;

    void request(String why) {
        synchronized (this) {
            if (reason == null) {
                reason = why;
            }
        }
    }

    boolean requested() {
        return reason != null;
    }

    String reason() {
        return reason;
    }
}
