package org.hakbench.child;

/**
 * One kind of work a child JVM can do (a rebase run, a soak, a multi-thread scale run...). Add a mode
 * by writing a new public class with a public no-argument constructor; {@link ChildMain} instantiates
 * it by class name, so no shared registry has to be edited.
 *
 * @param <C> the configuration record, sent as JSON on the child's command line
 * @param <R> the result record, printed by ChildMain as one JSON line on stdout
 */
public interface ChildMode<C, R> {

    /** The configuration record type, for binding the JSON argument. */
    Class<C> configType();

    /**
     * Does the work. Anything it prints must go to {@code System.err} ({@code System.out} is
     * redirected there; the real stdout carries only the result line). Throwing makes the child exit
     * with code 1 and the exception on stderr, which the parent reports as a failed run.
     */
    R run(C config) throws Exception;

    /**
     * Whether this mode watches its parent itself (and stops gracefully when it is gone). Otherwise
     * {@link ChildMain} halts the child as soon as the hakbench process that started it is gone.
     */
    default boolean watchesParent() {
        return false;
    }
}
