package org.hakbench.rebase;

import org.hakbench.child.ChildMode;
import org.hakbench.nativeaccess.NativeMalloc;

/** Test-only rebase child that crashes the JVM the way a broken allocator would: glibc aborts on a bad free. */
public final class CrashingRebaseChild implements ChildMode<RebaseRunSpec, RebaseRunResult> {
    @Override
    public Class<RebaseRunSpec> configType() {
        return RebaseRunSpec.class;
    }

    @Override
    public RebaseRunResult run(RebaseRunSpec spec) {
        System.err.println("crashing on purpose for " + spec.allocator());
        long p = NativeMalloc.malloc(32);
        NativeMalloc.free(p + 16);
        throw new AssertionError("glibc did not abort on a bad free");
    }
}
