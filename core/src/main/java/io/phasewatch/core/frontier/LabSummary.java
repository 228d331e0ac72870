package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;

/**
 * One lab's place in the h-field, METHOD.md §3.2.
 *
 * @param n the lab's releases in the cohort
 * @param meanH mean h of those releases against the cohort's trend
 * @param slope the lab's own OLS slope of B2 on B1; undefined below 2 releases or when all of them
 *     share one B1
 */
public record LabSummary(String lab, int n, double meanH, Outcome<Double> slope) {}
