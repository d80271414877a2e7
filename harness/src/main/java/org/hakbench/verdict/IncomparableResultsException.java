package org.hakbench.verdict;

/** Two results that must not be compared: other machine, other workload, or too few runs. */
public final class IncomparableResultsException extends IllegalArgumentException {
    public IncomparableResultsException(String message) {
        super(message);
    }
}
