package org.hakbench.cli;

/** Process exit codes of hakbench, the same for every command (the README's exit-code table). */
public final class ExitCodes {
    /** Success, or a GO / NEUTRAL verdict. */
    public static final int OK = 0;
    /** A NO-GO verdict, a failed soak target, or a detected regression. */
    public static final int NO_GO = 1;
    /** Bad usage or bad input; the message names the option, file or value. */
    public static final int USAGE = 2;
    /** The environment cannot do it: no JDK 25, a competitor library missing, and so on. */
    public static final int ENVIRONMENT = 3;
    /** A bug in hakbench: an exception nothing expected; one line, the stack trace with --verbose. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
