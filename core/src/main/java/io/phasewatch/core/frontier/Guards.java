package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.Pearson;

/**
 * Zero-variance checks done on the values themselves. A test of Σ(x − x̄)² = 0 misses a
 * constant sample whose mean is not exactly representable (three releases at 0.1 have
 * x̄ = 0.10000000000000002 and a tiny positive Sxx), and would then return a meaningless slope
 * or r.
 */
final class Guards {
  private Guards() {}

  static boolean constant(double[] v) {
    for (double d : v) {
      if (d != v[0]) {
        return false;
      }
    }
    return true;
  }

  /** Pearson r, undefined below 3 pairs or when either side is constant. */
  static Outcome<Double> pearson(double[] x, double[] y, String xName, String yName) {
    if (x.length < 3) {
      return Outcome.undefined("fewer than 3 releases (n=" + x.length + ")");
    }
    if (constant(x)) {
      return Outcome.undefined("every release has the same " + xName + " (" + x[0] + ")");
    }
    if (constant(y)) {
      return Outcome.undefined("every release has the same " + yName + " (" + y[0] + ")");
    }
    return Pearson.r(x, y);
  }

  /** Least-squares slope Sxy / Sxx; two points define it. Undefined below 2 or for constant x. */
  static Outcome<Double> slope(double[] x, double[] y, String xName) {
    int n = x.length;
    if (n < 2) {
      return Outcome.undefined("fewer than 2 releases (n=" + n + ")");
    }
    if (constant(x)) {
      return Outcome.undefined("every release has the same " + xName + " (" + x[0] + ")");
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    return Outcome.of(sxy / sxx);
  }
}
