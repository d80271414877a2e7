package org.hakbench.adapters;

/** An allocator cannot run on this machine (library not installed); the CLI maps it to exit code 3. */
public final class AllocatorUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AllocatorUnavailableException(String message) {
        super(message);
    }
}
