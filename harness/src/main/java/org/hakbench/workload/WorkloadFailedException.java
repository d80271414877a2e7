package org.hakbench.workload;

/** A worker thread of a workload failed; the message names the workload, the thread and the cause. */
public final class WorkloadFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkloadFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
