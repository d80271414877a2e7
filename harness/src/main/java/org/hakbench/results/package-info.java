/**
 * Result files: the one Jackson configuration ({@link org.hakbench.results.Json}), atomic writes
 * ({@link org.hakbench.results.AtomicFiles}), the machine fingerprint, the common envelope
 * ({@link org.hakbench.results.ResultEnvelope}: schema, kind, createdAt, machine first) and discovery
 * of result files of a kind, newest first ({@link org.hakbench.results.ResultFiles}).
 */
package org.hakbench.results;
