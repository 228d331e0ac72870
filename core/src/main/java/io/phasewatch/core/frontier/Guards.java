package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.Pearson;

/**
 * Pearson r and a lab's slope with the reasons §3 reports: they count releases and name the axis
 * and the value every release shares ("every release has the same B1 (50.0)"), where
 * {@link Pearson} speaks of models and "the first axis". No variance means every value is equal
 * ({@link Pearson#noVariance}).
 */
final class Guards {
  private Guards() {}

  /** Pearson r, undefined below 3 pairs or when either side is constant. */
  static Outcome<Double> pearson(double[] x, double[] y, String xName, String yName) {
    if (x.length < 3) {
      return Outcome.undefined("fewer than 3 releases (n=" + x.length + ")");
    }
    if (Pearson.noVariance(x)) {
      return Outcome.undefined("every release has the same " + xName + " (" + x[0] + ")");
    }
    if (Pearson.noVariance(y)) {
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
    if (Pearson.noVariance(x)) {
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
