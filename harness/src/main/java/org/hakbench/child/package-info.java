/**
 * Child JVMs: {@link org.hakbench.child.ChildLauncher} runs a {@link org.hakbench.child.ChildSpec}
 * (same JDK and class path, fixed heap, clean environment, optional LD_PRELOAD and wrapper such as
 * strace, timeout) and returns a {@link org.hakbench.child.ChildOutcome}, failed or not.
 * {@link org.hakbench.child.ChildMain} is the child's entry point; new kinds of work are new
 * {@link org.hakbench.child.ChildMode} classes, named by class, with no registry to edit.
 */
package org.hakbench.child;
