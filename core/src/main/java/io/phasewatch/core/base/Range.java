package io.phasewatch.core.base;

/** A closed interval [lo, hi], e.g. a confidence interval in billions of parameters. */
public record Range(double lo, double hi) {}
