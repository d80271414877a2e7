package org.hakbench.results;

import java.time.Instant;

/**
 * The envelope every hakbench result file shares; result records implement it and declare these
 * four components FIRST, in this order, so every file starts the same way:
 * <pre>
 * { "schema": 1, "kind": "rebase", "createdAt": "2026-11-22T01:30:00Z", "machine": { ... }, ...kind-specific... }
 * </pre>
 * {@code schema} is the version of the kind's layout: bump it when a field changes meaning or is
 * removed; readers refuse other versions ({@link ResultFiles#load}). Known kinds: "rebase", "soak",
 * "verdict", "scale".
 */
public interface ResultEnvelope {
    /** Layout version of this kind of file. */
    int schema();

    /** What produced the file: "rebase", "soak", "verdict", "scale", ... (also the file name prefix). */
    String kind();

    /** When the result was created (UTC). */
    Instant createdAt();

    /** Where it was measured. */
    MachineFingerprint machine();
}
