package org.hakbench.child;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.hakbench.results.Json;

/**
 * Entry point of every child JVM: {@code java ... org.hakbench.child.ChildMain <ChildMode class> <config JSON>}.
 * Prints exactly one line on stdout, the mode's result as JSON, and exits 0; on any failure prints
 * the stack trace on stderr and exits 1 (no stdout line).
 */
public final class ChildMain {

    /** Exit code of a child whose mode threw. */
    public static final int FAILED = 1;
    /** Exit code of a child started with bad arguments (a harness bug, not a measurement failure). */
    public static final int BAD_ARGUMENTS = 2;

    private ChildMain() {
    }

    public static void main(String[] args) {
        // Keep stdout for the one result line: libraries that print (Netty, JVM tools) go to stderr.
        PrintStream resultOut = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (args.length != 2) {
            System.err.println("usage: ChildMain <ChildMode class> <config JSON>");
            System.exit(BAD_ARGUMENTS);
        }
        try {
            Object result = run(args[0], args[1]);
            resultOut.println(Json.line(result));
            resultOut.flush();
        } catch (Throwable t) {
            t.printStackTrace(System.err);
            System.err.flush();
            System.exit(FAILED);
        }
        System.exit(0);
    }

    /** Instantiates {@code modeClass}, binds {@code configJson} to its config type and runs it. */
    static Object run(String modeClass, String configJson) throws Exception {
        Class<?> type = Class.forName(modeClass);
        if (!ChildMode.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("mode=" + modeClass + ": not a " + ChildMode.class.getName());
        }
        ChildMode<?, ?> mode = (ChildMode<?, ?>) type.getDeclaredConstructor().newInstance();
        if (!mode.watchesParent()) {
            OrchestratorWatch.start();
        }
        return runTyped(mode, configJson);
    }

    private static <C, R> R runTyped(ChildMode<C, R> mode, String configJson) throws Exception {
        C config = Json.read(configJson, mode.configType(), "child config");
        return mode.run(config);
    }
}
