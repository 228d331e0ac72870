package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;

/**
 * Leave-one-lab-out error of the population trend, METHOD.md §3.2.
 *
 * @param n the held-out lab's releases
 * @param maePp mean |B2 − predicted B2| over them, percentage points, the trend refitted without
 *     the lab; undefined when the other labs cannot support a fit
 */
public record LabHoldout(String lab, int n, Outcome<Double> maePp) {}
