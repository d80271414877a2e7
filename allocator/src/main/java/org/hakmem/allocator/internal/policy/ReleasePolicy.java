package org.hakmem.allocator.internal.policy;

import org.hakmem.allocator.AllocatorConfig;

/**
 * What happens to a superslab that became empty (the seeds' ss_release_policy_box).
 * FAST keeps every superslab mapped for reuse (speed-first, no syscalls in steady state).
 * LEAN unmaps empty superslabs while more than the target is mapped, and below the target keeps
 * them, decommitted as HAKMEM_SS_MEM_LEAN_DECOMMIT says.
 */
public final class ReleasePolicy {
    public enum Decision {
        KEEP,
        KEEP_DECOMMIT_FREE,
        KEEP_DECOMMIT_DONTNEED,
        UNMAP
    }

    private final boolean lean;
    private final long targetBytes;
    private final AllocatorConfig.Decommit decommit;

    public ReleasePolicy(AllocatorConfig config) {
        this.lean = config.lean();
        this.targetBytes = config.leanTargetMiB() << 20;
        this.decommit = config.leanDecommit();
    }

    /** mappedBytes: everything the allocator has mapped now, this superslab included. */
    public Decision onEmpty(long mappedBytes) {
        if (!lean) {
            return Decision.KEEP;
        }
        if (mappedBytes > targetBytes) {
            return Decision.UNMAP;
        }
        return switch (decommit) {
            case OFF -> Decision.KEEP;
            case FREE -> Decision.KEEP_DECOMMIT_FREE;
            case DONTNEED -> Decision.KEEP_DECOMMIT_DONTNEED;
        };
    }
}
