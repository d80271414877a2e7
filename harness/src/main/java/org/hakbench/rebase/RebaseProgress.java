package org.hakbench.rebase;

/** Progress of a rebase, for the console; implementations must not throw. */
public interface RebaseProgress extends AutoCloseable {

    /** The schedule has {@code totalChildren} child JVMs. */
    void start(int totalChildren);

    /** Child {@code done} of {@code total} finished; {@code line} describes it. */
    void childDone(int done, int total, String line, long elapsedNanos, long etaNanos);

    /** A message for the user (skipped allocator, warning). */
    void note(String message);

    @Override
    void close();

    /** Ignores everything (library use, tests). */
    RebaseProgress SILENT = new RebaseProgress() {
        @Override
        public void start(int totalChildren) {
        }

        @Override
        public void childDone(int done, int total, String line, long elapsedNanos, long etaNanos) {
        }

        @Override
        public void note(String message) {
        }

        @Override
        public void close() {
        }
    };
}
