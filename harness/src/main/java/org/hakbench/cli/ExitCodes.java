package org.hakbench.cli;

/** Process exit codes of hakbench; the contract is in ARCHITECTURE.md. */
public final class ExitCodes {
    /** Success, or a GO / NEUTRAL verdict. */
    public static final int OK = 0;
    /** A NO-GO verdict, a failed soak target, or a detected regression. */
    public static final int NO_GO = 1;
    /** Bad usage or bad input; the message names the option, file or value. */
    public static final int USAGE = 2;
    /** The environment cannot do it: no JDK 25, a competitor library missing, and so on. */
    public static final int ENVIRONMENT = 3;

    private ExitCodes() {
    }
}
