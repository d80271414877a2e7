package org.hakbench.trace;

/**
 * What one replay child runs: a trace against one allocator, {@code warmupPasses} untimed passes,
 * then timed passes until at least {@code minOps} operations.
 */
public record ReplaySpec(String allocator, String trace, int warmupPasses, long minOps) {
}
