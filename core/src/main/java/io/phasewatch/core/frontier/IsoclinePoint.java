package io.phasewatch.core.frontier;

/**
 * A release placed against the isocline of METHOD.md §3.6 (the rule of §1.6 for a frontier pair).
 *
 * @param b1Fraction B1 / 100
 * @param b2Fraction B2 / 100
 * @param boundary sqrt((a/b) · b1Fraction)
 * @param bonus b2Fraction above the boundary (strictly)
 */
public record IsoclinePoint(double b1Fraction, double b2Fraction, double boundary, boolean bonus) {}
