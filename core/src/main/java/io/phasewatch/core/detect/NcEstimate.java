package io.phasewatch.core.detect;

/**
 * An N_c estimate with its 95% interval, in billions of parameters (METHOD.md §1.4).
 *
 * @param n models the estimate rests on
 */
public record NcEstimate(double medianB, double lo95B, double hi95B, int n) {

  /** Whether {@code b} (billions) lies inside the 95% interval, ends included. */
  public boolean contains(double b) {
    return b >= lo95B && b <= hi95B;
  }
}
