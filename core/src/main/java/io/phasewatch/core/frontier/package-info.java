/**
 * The frontier-cohort statistics of METHOD.md §3: the SWE-bench Verified (B1) versus GPQA Diamond
 * (B2) population trend, the h-field and its labels, per-lab coupling and leave-one-lab-out error,
 * the prediction interval for a new release, benchmark saturation and axis activation, rolling
 * correlation decay with a Fisher-z test, and the isocline classifier.
 *
 * <p>Every function is pure and takes a list of {@link io.phasewatch.core.frontier.Release}s plus a
 * {@link io.phasewatch.core.frontier.FrontierConfig}. Results depend on the set of releases, never
 * on the list's order: each function sorts its input first. Degenerate input gives an
 * {@link io.phasewatch.core.stats.Outcome.Undefined} with a reason, never NaN and never an
 * exception.
 */
package io.phasewatch.core.frontier;
