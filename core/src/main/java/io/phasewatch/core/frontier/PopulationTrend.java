package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.LinearFit;
import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.Pearson;
import java.util.List;

/**
 * The cohort's population trend, METHOD.md §3.1: ordinary least squares {@code B2 = β1·B1 + β0}
 * over all releases, with Pearson r, its two-sided parametric p-value (t, n−2 degrees of freedom),
 * the standard errors of β1 and β0, and n.
 *
 * @param n releases in the fit
 * @param slope β1
 * @param intercept β0
 * @param slopeSe standard error of β1: s / sqrt(Sxx)
 * @param interceptSe standard error of β0: s · sqrt(1/n + x̄² / Sxx)
 * @param residualSd s = sqrt(SSE / (n − 2))
 * @param b1Mean x̄, the mean B1 (for the prediction interval, §3.3)
 * @param sxx Sxx = Σ(B1 − x̄)² (for the prediction interval, §3.3)
 * @param r Pearson r(B1, B2); undefined when B2 has no variance
 * @param p two-sided parametric p-value of r; undefined with r
 */
public record PopulationTrend(
    int n,
    double slope,
    double intercept,
    double slopeSe,
    double interceptSe,
    double residualSd,
    double b1Mean,
    double sxx,
    Outcome<Double> r,
    Outcome<Double> p) {

  /**
   * Fits the trend of METHOD.md §3.1; undefined below 3 releases (no residual degree of freedom)
   * or when every release has the same B1.
   */
  public static Outcome<PopulationTrend> fit(List<Release> releases) {
    List<Release> sorted = Orders.canonical(releases);
    int n = sorted.size();
    if (n < 3) {
      return Outcome.undefined("fewer than 3 releases (n=" + n + ")");
    }
    double[] x = Orders.b1(sorted);
    double[] y = Orders.b2(sorted);
    if (Pearson.noVariance(x)) {
      return Outcome.undefined("every release has the same B1 (" + x[0] + ")");
    }
    Outcome<LinearFit> fit = LinearFit.fit(x, y);
    if (!fit.isDefined()) {
      return Outcome.undefined(fit.reason());
    }
    LinearFit f = fit.value();
    Outcome<Double> r = Guards.pearson(x, y, "B1", "B2");
    Outcome<Double> p = r.flatMap(rv -> Pearson.pParametric(rv, n));
    return Outcome.of(new PopulationTrend(
        n, f.slope(), f.intercept(), f.slopeSe(), f.interceptSe(), f.residualSd(), f.xMean(),
        f.sxx(), r, p));
  }

  /** The trend's B2 at {@code b1}: β1·b1 + β0. */
  public double predict(double b1) {
    return slope * b1 + intercept;
  }
}
