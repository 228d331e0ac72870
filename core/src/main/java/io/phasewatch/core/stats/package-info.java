/**
 * General statistical helpers the analysis of METHOD.md is built from: {@link
 * io.phasewatch.core.stats.Outcome} for statistics that may be undefined, Pearson r, linear and
 * quadratic least squares, the permutation test, percentiles and a reproducible resampler. Pure
 * functions on primitive arrays; no I/O, no threads.
 */
package io.phasewatch.core.stats;
