package io.phasewatch.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** Pearson correlation and its parametric p-value (METHOD.md §1.3, §3.1). */
public final class Pearson {
  private Pearson() {}

  /** Pearson r of paired samples; undefined below 3 points or when either side has no variance. */
  public static Outcome<Double> r(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
    }
    int n = x.length;
    if (n < 3) {
      return Outcome.undefined("fewer than 3 models (n=" + n + ")");
    }
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    // Sxx or Syy can also underflow to 0 for distinct values (deviations below ~1e-154).
    if (noVariance(x) || sxx == 0) {
      return Outcome.undefined("the first axis has no variance");
    }
    if (noVariance(y) || syy == 0) {
      return Outcome.undefined("the second axis has no variance");
    }
    double r = sxy / Math.sqrt(sxx * syy);
    return Outcome.of(Math.max(-1.0, Math.min(1.0, r)));
  }

  /**
   * Two-sided parametric p-value of r under H0: ρ = 0, from the t-distribution with n−2 degrees
   * of freedom: t = r·sqrt((n−2)/(1−r²)).
   */
  public static Outcome<Double> pParametric(double r, int n) {
    if (n < 3) {
      return Outcome.undefined("fewer than 3 models (n=" + n + ")");
    }
    if (Math.abs(r) >= 1.0) {
      return Outcome.of(0.0);
    }
    double t = r * Math.sqrt((n - 2) / (1 - r * r));
    TDistribution dist = new TDistribution(null, n - 2);
    return Outcome.of(2 * dist.cumulativeProbability(-Math.abs(t)));
  }

  /**
   * True when every value is the same (max == min). Decided on the values, not on
   * Σ(v − v̄)² = 0: three values of 0.1 have v̄ = 0.10000000000000002 and a tiny positive sum,
   * which would pass for variance. False for an empty sample or one containing NaN.
   */
  public static boolean noVariance(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    return max == min;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }
}
