package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;

/**
 * METHOD.md §3.4: is the candidate axis activating against the active one?
 *
 * @param n releases scored on both axes
 * @param r Pearson r(active, candidate) over them
 * @param activating r above the configured level (0.5); undefined below the configured number of
 *     releases or when r is
 */
public record AxisActivation(
    String activeAxis,
    String candidateAxis,
    int n,
    Outcome<Double> r,
    Outcome<Boolean> activating) {}
