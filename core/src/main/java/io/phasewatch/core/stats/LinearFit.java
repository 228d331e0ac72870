package io.phasewatch.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Ordinary least squares {@code y = slope·x + intercept} with the quantities every caller of
 * METHOD.md needs: standard errors, the residual standard deviation s, x̄ and Sxx (for prediction
 * intervals, §3.3), and the slope's two-sided p-value (equal to Pearson's parametric p).
 */
public record LinearFit(
    int n,
    double slope,
    double intercept,
    double slopeSe,
    double interceptSe,
    double residualSd,
    double xMean,
    double sxx,
    double r,
    double pSlope) {

  /**
   * Fits y on x; undefined below 3 points or when x has no variance ({@link Pearson#noVariance}).
   * A y without variance gives the flat line through it: slope 0, no residual, r 0, p 1.
   */
  public static Outcome<LinearFit> fit(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
    }
    int n = x.length;
    if (n < 3) {
      return Outcome.undefined("fewer than 3 points (n=" + n + ")");
    }
    double mx = Pearson.mean(x);
    double my = Pearson.mean(y);
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    // Sxx can also underflow to 0 for distinct values (deviations below ~1e-154).
    if (Pearson.noVariance(x) || sxx == 0) {
      return Outcome.undefined("x has no variance");
    }
    // For a constant y, ȳ may be inexact (0.1 three times averages to 0.10000000000000002):
    // take the flat line through the value itself rather than a slope of rounding noise.
    boolean flat = Pearson.noVariance(y);
    double slope = flat ? 0.0 : sxy / sxx;
    double intercept = flat ? y[0] : my - slope * mx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - (slope * x[i] + intercept);
      sse += e * e;
    }
    double s = Math.sqrt(sse / (n - 2));
    double slopeSe = s / Math.sqrt(sxx);
    double interceptSe = s * Math.sqrt(1.0 / n + mx * mx / sxx);
    double r = flat || syy == 0 ? 0.0 : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    double p;
    if (slopeSe == 0) {
      p = slope == 0 ? 1.0 : 0.0;
    } else {
      double t = slope / slopeSe;
      p = 2 * new TDistribution(null, n - 2).cumulativeProbability(-Math.abs(t));
    }
    return Outcome.of(new LinearFit(n, slope, intercept, slopeSe, interceptSe, s, mx, sxx, r, p));
  }

  public double predict(double x) {
    return slope * x + intercept;
  }
}
