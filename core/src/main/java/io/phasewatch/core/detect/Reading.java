package io.phasewatch.core.detect;

/**
 * Where a watched value lies against a condition's two edges (hysteresis, METHOD.md §2: "a phase
 * must hold across the dead band").
 */
public enum Reading {
  /** Beyond the firing edge: the condition holds. */
  ENTER,
  /** Inside the dead band, or not enough evidence (n, range) to say: keep what was announced. */
  HOLD,
  /** Beyond the clearing edge: the condition no longer holds. */
  LEAVE;

  /**
   * A value that fires when it rises above {@code fireAbove} and clears when it falls to {@code
   * clearAtOrBelow} ({@code clearAtOrBelow <= fireAbove}).
   */
  public static Reading rising(double value, double fireAbove, double clearAtOrBelow) {
    if (value > fireAbove) {
      return ENTER;
    }
    return value <= clearAtOrBelow ? LEAVE : HOLD;
  }

  /**
   * A value that fires when it falls below {@code fireBelow} and clears when it reaches {@code
   * clearAtOrAbove} ({@code clearAtOrAbove >= fireBelow}).
   */
  public static Reading falling(double value, double fireBelow, double clearAtOrAbove) {
    if (value < fireBelow) {
      return ENTER;
    }
    return value >= clearAtOrAbove ? LEAVE : HOLD;
  }
}
