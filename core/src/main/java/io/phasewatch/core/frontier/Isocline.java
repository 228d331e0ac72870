package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;

/**
 * The isocline classifier of METHOD.md §3.6 (same rule as §1.6), for a frontier pair. The
 * boundary comes from {@link io.phasewatch.core.base.Isocline#boundaryFraction}; this class adds
 * the frontier's reasons and the {@link IsoclinePoint} it reports.
 */
public final class Isocline {
  private Isocline() {}

  /**
   * METHOD.md §3.6: bonus when {@code B2 > sqrt((a/b) · B1)} with scores as fractions (percent /
   * 100) and {@code ratio} = a/b, the pair's cooperative slope (SWE–GPQA 0.51, GPQA–IFEval 0.97).
   * Undefined for a score outside 0–100 percent or a ratio that is not positive.
   */
  public static Outcome<IsoclinePoint> classify(double b1Pct, double b2Pct, double ratio) {
    if (!(ratio > 0) || Double.isInfinite(ratio)) {
      return Outcome.undefined(
          "the isocline ratio a/b must be positive and finite (" + ratio + ")");
    }
    if (!(b1Pct >= 0 && b1Pct <= 100)) {
      return Outcome.undefined("B1 is not a percentage between 0 and 100 (" + b1Pct + ")");
    }
    if (!(b2Pct >= 0 && b2Pct <= 100)) {
      return Outcome.undefined("B2 is not a percentage between 0 and 100 (" + b2Pct + ")");
    }
    double y = b2Pct / 100;
    return io.phasewatch.core.base.Isocline.boundaryFraction(b1Pct, ratio)
        .map(boundary -> new IsoclinePoint(b1Pct / 100, y, boundary, y > boundary));
  }

  /** {@link #classify(double, double, double)} of a release's pair with the configured a/b. */
  public static Outcome<IsoclinePoint> classify(Release release, FrontierConfig config) {
    return classify(release.b1(), release.b2(), config.isoclineRatio());
  }
}
