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
 *
 * <p>Choices where METHOD.md §3 leaves room:
 *
 * <ul>
 *   <li>§3.2 a lab's own slope needs 2 releases (two points define it) with distinct B1; the
 *       population trend and the leave-one-lab-out refit need 3 (the §3.1 fit has standard
 *       errors). Reallocations use dated releases only, in date order, ties by model id.
 *   <li>§3.3 an anomaly check fits the cohort without the candidate (matched by model id); the
 *       interval's bounds count as inside.
 *   <li>§3.4 each axis' spread is over its own top k among releases scored on it, and is
 *       undefined with fewer than k such releases (no min(k, n): a spread over fewer releases is
 *       smaller by construction, so σ would compare unlike things). σ pairs cover every ordered
 *       pair of configured axes that some release is scored on.
 *   <li>§3.5 rolling windows are full windows of w consecutive dated releases; the expanding r
 *       starts at the configured minimum n. The Fisher-z test compares the first and the last
 *       full windows and needs them disjoint (at least 2w dated releases). Only a significant
 *       fall counts as decay; a significant rise is reported but is not decay. The
 *       {@code narrowB1Range} flag (latest window's B1 range below the minimum) holds the alert
 *       back, and a Fisher fall counts only if the baseline window also has the minimum range.
 * </ul>
 */
package io.phasewatch.core.frontier;
