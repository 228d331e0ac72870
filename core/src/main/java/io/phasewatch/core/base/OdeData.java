package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The finite differences both scaling-ODE fits start from (METHOD.md §1.8): models sorted by x;
 * for each consecutive pair with Δx &gt; 0, the derivative ΔB/Δx and the scores averaged at the
 * interval's midpoint. Pairs of equal size are skipped (no step to divide by).
 */
record OdeData(double[] x, double[][] scores, double[][] midScores, double[][] slopes) {

  static Outcome<OdeData> of(double[] x, double[][] scores) {
    if (x.length != scores.length) {
      throw new IllegalArgumentException("x and score rows differ in count: " + x.length + " vs " + scores.length);
    }
    int n = x.length;
    if (n < 3) {
      return Outcome.undefined("fewer than 3 models (n=" + n + ")");
    }
    int k = scores[0].length;
    if (k < 1) {
      return Outcome.undefined("no axes");
    }
    for (int i = 0; i < n; i++) {
      if (scores[i].length != k) {
        throw new IllegalArgumentException("score rows differ in length: " + scores[i].length + " vs " + k);
      }
      if (!Double.isFinite(x[i]) || !Arrays.stream(scores[i]).allMatch(Double::isFinite)) {
        return Outcome.undefined("a size or score is not finite");
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparing(i -> i));
    double[] xs = new double[n];
    double[][] bs = new double[n][];
    for (int i = 0; i < n; i++) {
      xs[i] = x[order[i]];
      bs[i] = scores[order[i]].clone();
    }
    int m = 0;
    double[][] mid = new double[n - 1][];
    double[][] slope = new double[n - 1][];
    for (int i = 1; i < n; i++) {
      double dx = xs[i] - xs[i - 1];
      if (dx <= 0) {
        continue;
      }
      mid[m] = new double[k];
      slope[m] = new double[k];
      for (int j = 0; j < k; j++) {
        mid[m][j] = 0.5 * (bs[i][j] + bs[i - 1][j]);
        slope[m][j] = (bs[i][j] - bs[i - 1][j]) / dx;
      }
      m++;
    }
    return Outcome.of(new OdeData(xs, bs, Arrays.copyOf(mid, m), Arrays.copyOf(slope, m)));
  }

  int k() {
    return scores[0].length;
  }
}
