package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import java.util.Locale;

/**
 * The isocline classifier (METHOD.md §1.6, §3.6), which needs no scale: a model is in the bonus
 * phase when {@code B2 > sqrt((a/b)·B1)} with both scores as fractions, else on the tax side.
 * Scores are passed in percent and converted here. a/b is the cooperative slope of the
 * benchmark pair, configuration per pair: 0.187 for HellaSwag–TruthfulQA.
 */
public final class Isocline {
  /** a/b for the HellaSwag–TruthfulQA pair. */
  public static final double HS_TQA_RATIO = 0.187;

  private Isocline() {}

  /**
   * The isocline as a fraction at B1 (percent): {@code sqrt((a/b)·B1)} with B1 = b1Percent / 100.
   * The one place the boundary of METHOD.md §1.6 and §3.6 is computed: {@link #thresholdB2},
   * {@link #classify} and the frontier classifier ({@code core.frontier.Isocline}) all use it.
   */
  public static Outcome<Double> boundaryFraction(double b1Percent, double ratio) {
    if (!(ratio > 0) || Double.isInfinite(ratio)) {
      return Outcome.undefined("the cooperative slope a/b must be positive and finite (" + ratio + ")");
    }
    if (!(b1Percent >= 0 && b1Percent <= 100)) {
      return Outcome.undefined(String.format(Locale.ROOT, "B1 = %s is not a percentage", b1Percent));
    }
    return Outcome.of(Math.sqrt(ratio * (b1Percent / 100)));
  }

  /** The isocline's B2 (percent) at B1 (percent): 100·sqrt((a/b)·B1/100). */
  public static Outcome<Double> thresholdB2(double b1Percent, double ratio) {
    return boundaryFraction(b1Percent, ratio).map(boundary -> 100 * boundary);
  }

  /** {@link Phase#BONUS} above the isocline, {@link Phase#TAX} on or below it. */
  public static Outcome<Phase> classify(double b1Percent, double b2Percent, double ratio) {
    if (!(b2Percent >= 0 && b2Percent <= 100)) {
      return Outcome.undefined(String.format(Locale.ROOT, "B2 = %s is not a percentage", b2Percent));
    }
    // Compared on fractions: 100·boundary could round across b2Percent.
    return boundaryFraction(b1Percent, ratio)
        .map(boundary -> b2Percent / 100 > boundary ? Phase.BONUS : Phase.TAX);
  }
}
