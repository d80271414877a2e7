package org.hakbench.nativeaccess;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Brackets a measured region in an strace log: {@link #mark()} makes one {@code getppid} system call,
 * which the JVM itself does not make, so a parent tracing {@code -e trace=...,getppid} can count
 * only the calls between the first and last marker of the marking thread.
 */
@SuppressWarnings("restricted")   // this package is where the harness is allowed restricted FFM calls
public final class SyscallMarker {

    /** The system call used as marker; tracers must include it in their trace set. */
    public static final String SYSCALL = "getppid";

    private static final MethodHandle GETPPID = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find(SYSCALL).orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT));

    private SyscallMarker() {
    }

    /** One marker system call; returns the parent pid (ignored). */
    public static int mark() {
        try {
            return (int) GETPPID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("getppid failed", t);
        }
    }
}
