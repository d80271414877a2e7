/**
 * {@code hakbench calibrate}: A/A trials that measure this machine's false-alarm rate, run-to-run spread
 * and minimum detectable change, so a verdict's error rates are known, not assumed.
 */
package org.hakbench.calibrate;
