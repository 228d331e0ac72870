package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;

/**
 * METHOD.md §3.4: max − min of an axis over the top k releases ranked by that axis.
 *
 * @param scored releases that have a score on the axis
 * @param spread percentage points; undefined when fewer than k releases are scored on the axis
 */
public record AxisSpread(String axis, int scored, Outcome<Double> spread) {}
