package io.phasewatch.core.stats;

/**
 * Percentiles of a sorted sample by linear interpolation between order statistics (the
 * "linear" method, Hyndman–Fan type 7, which is numpy's and R's default), so bootstrap intervals
 * are comparable with the published figures of METHOD.md §1.4.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The q-th percentile (0 ≤ q ≤ 100) of {@code sorted[0..count)}, which must be sorted ascending
   * and non-empty: position h = (count−1)·q/100, value interpolated between its neighbours.
   */
  public static double ofSorted(double[] sorted, int count, double q) {
    if (count <= 0 || count > sorted.length) {
      throw new IllegalArgumentException("count must be in 1.." + sorted.length + ", was " + count);
    }
    if (!(q >= 0 && q <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], was " + q);
    }
    double h = (count - 1) * (q / 100.0);
    int lo = (int) Math.floor(h);
    if (lo >= count - 1) {
      return sorted[count - 1];
    }
    double frac = h - lo;
    return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }
}
