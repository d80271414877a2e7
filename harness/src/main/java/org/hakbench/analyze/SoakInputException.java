package org.hakbench.analyze;

/** A soak CSV that cannot be analysed at all (missing file, empty, missing column); the message names file and problem. */
public final class SoakInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SoakInputException(String message) {
        super(message);
    }
}
