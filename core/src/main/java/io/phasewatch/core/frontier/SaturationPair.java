package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;

/**
 * METHOD.md §3.4 for an active axis and a candidate.
 *
 * @param sigma spread(active) / spread(candidate) over each axis' own top k
 * @param rotate σ below the configured level (0.2): the active axis no longer separates the top
 *     releases, rotate to the candidate; undefined with σ
 */
public record SaturationPair(
    String activeAxis, String candidateAxis, Outcome<Double> sigma, Outcome<Boolean> rotate) {}
