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

  /** The isocline's B2 (percent) at B1 (percent): 100·sqrt((a/b)·B1/100). */
  public static Outcome<Double> thresholdB2(double b1Percent, double ratio) {
    if (!(ratio > 0) || Double.isInfinite(ratio)) {
      return Outcome.undefined("the cooperative slope a/b must be positive and finite (" + ratio + ")");
    }
    if (!(b1Percent >= 0 && b1Percent <= 100)) {
      return Outcome.undefined(String.format(Locale.ROOT, "B1 = %s is not a percentage", b1Percent));
    }
    return Outcome.of(100 * Math.sqrt(ratio * (b1Percent / 100)));
  }

  /** {@link Phase#BONUS} above the isocline, {@link Phase#TAX} on or below it. */
  public static Outcome<Phase> classify(double b1Percent, double b2Percent, double ratio) {
    if (!(b2Percent >= 0 && b2Percent <= 100)) {
      return Outcome.undefined(String.format(Locale.ROOT, "B2 = %s is not a percentage", b2Percent));
    }
    return thresholdB2(b1Percent, ratio)
        .map(threshold -> b2Percent / 100 > Math.sqrt(ratio * (b1Percent / 100)) ? Phase.BONUS : Phase.TAX);
  }
}
