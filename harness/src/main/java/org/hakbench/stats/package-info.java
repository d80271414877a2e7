/**
 * Statistics on Commons Math: {@link org.hakbench.stats.SampleStats} (mean, median, min, max, stddev,
 * CV, 95% CI of the mean by Student t), {@link org.hakbench.stats.Outliers} (modified z-score, flagged
 * never dropped, first-run-slow check) and {@link org.hakbench.stats.Drift} (change beyond the noise).
 */
package org.hakbench.stats;
