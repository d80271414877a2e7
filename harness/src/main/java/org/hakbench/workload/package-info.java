/** Workloads run inside child JVMs; {@link org.hakbench.workload.RandomMixed} is WORKLOAD.md's loop, resumable in chunks. */
package org.hakbench.workload;
