package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The prediction interval of METHOD.md §3.3 for a new release at B1 = x0:
 * {@code ŷ ± t(q, n−2) · s · sqrt(1 + 1/n + (x0 − x̄)² / Sxx)} with q = (1 + level) / 2, so
 * q = 0.975 for the default 95% interval.
 *
 * @param x0 the new release's B1
 * @param predicted ŷ = β1·x0 + β0
 * @param lower ŷ − half-width
 * @param upper ŷ + half-width
 * @param level coverage, e.g. 0.95
 */
public record PredictionInterval(
    double x0, double predicted, double lower, double upper, double level) {

  /**
   * The interval at {@code x0} around {@code trend} (METHOD.md §3.3). A defined trend always has
   * one (n ≥ 3, Sxx > 0); {@code level} must lie strictly between 0 and 1.
   */
  public static PredictionInterval at(PopulationTrend trend, double x0, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must lie in (0, 1): " + level);
    }
    int n = trend.n();
    double t = new TDistribution(null, n - 2).inverseCumulativeProbability((1 + level) / 2);
    double dx = x0 - trend.b1Mean();
    double half = t * trend.residualSd() * Math.sqrt(1 + 1.0 / n + dx * dx / trend.sxx());
    double y = trend.predict(x0);
    return new PredictionInterval(x0, y, y - half, y + half, level);
  }

  /**
   * The interval at {@code x0} around the trend of {@code cohort} (METHOD.md §3.1, §3.3);
   * undefined when the trend is.
   */
  public static Outcome<PredictionInterval> at(
      List<Release> cohort, double x0, FrontierConfig config) {
    return PopulationTrend.fit(cohort).map(t -> at(t, x0, config.predictionLevel()));
  }

  /** Whether {@code b2} lies outside the interval (the bounds belong to the interval). */
  public boolean outside(double b2) {
    return b2 < lower || b2 > upper;
  }

  public double halfWidth() {
    return (upper - lower) / 2;
  }
}
