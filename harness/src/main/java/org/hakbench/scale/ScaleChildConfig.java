package org.hakbench.scale;

import org.hakbench.workload.WorkloadSpec;

/** What one scale child JVM runs: one allocator, one workload spec (thread count included). */
public record ScaleChildConfig(String allocator, WorkloadSpec spec) {
}
