/** {@code hakbench rebase}: interleaved child-JVM runs of random_mixed per allocator, statistics, drift, JSON + markdown. */
package org.hakbench.rebase;
