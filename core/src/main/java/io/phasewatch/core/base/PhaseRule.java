package io.phasewatch.core.base;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How γ12 maps to a phase (METHOD.md §1.2): tax if γ12 &lt; −deadBand, transition if
 * −deadBand ≤ γ12 ≤ +deadBand, bonus if γ12 &gt; +deadBand. Optional deeper thresholds split off
 * deep tax (γ12 &lt; deepTaxBelow) and deep bonus (γ12 &gt; deepBonusAbove); CAPE's dashboard uses
 * −0.8 and +1.5, but METHOD.md leaves them to configuration, so the defaults have none.
 */
public record PhaseRule(double deadBand, OptionalDouble deepTaxBelow, OptionalDouble deepBonusAbove) {
  /** METHOD.md §1.2's dead band. */
  public static final double DEFAULT_DEAD_BAND = 0.1;

  public PhaseRule {
    Objects.requireNonNull(deepTaxBelow, "deepTaxBelow");
    Objects.requireNonNull(deepBonusAbove, "deepBonusAbove");
    if (!(deadBand >= 0) || Double.isInfinite(deadBand)) {
      throw new IllegalArgumentException("dead band must be finite and ≥ 0, was " + deadBand);
    }
    if (deepTaxBelow.isPresent() && !(deepTaxBelow.getAsDouble() < -deadBand)) {
      throw new IllegalArgumentException("deep-tax threshold must lie below −deadBand");
    }
    if (deepBonusAbove.isPresent() && !(deepBonusAbove.getAsDouble() > deadBand)) {
      throw new IllegalArgumentException("deep-bonus threshold must lie above +deadBand");
    }
  }

  /** Dead band ±0.1, no deep phases. */
  public static PhaseRule defaults() {
    return new PhaseRule(DEFAULT_DEAD_BAND, OptionalDouble.empty(), OptionalDouble.empty());
  }

  /** The phase of a finite γ12. */
  public Phase classify(double gamma12) {
    if (gamma12 < -deadBand) {
      return deepTaxBelow.isPresent() && gamma12 < deepTaxBelow.getAsDouble() ? Phase.DEEP_TAX : Phase.TAX;
    }
    if (gamma12 > deadBand) {
      return deepBonusAbove.isPresent() && gamma12 > deepBonusAbove.getAsDouble()
          ? Phase.DEEP_BONUS
          : Phase.BONUS;
    }
    return Phase.TRANSITION;
  }
}
