package org.hakbench.verdict;

/** Outcome of a verdict; {@link #NO_GO} is the only one that fails a build (exit code 1). */
public enum Decision {
    /** The whole confidence interval of the change lies above the GO threshold and the change is significant. */
    GO,
    /** Not significant, or the interval overlaps the noise band: no claim either way. */
    NEUTRAL,
    /** Significant and the whole confidence interval lies below the NO-GO threshold. */
    NO_GO
}
