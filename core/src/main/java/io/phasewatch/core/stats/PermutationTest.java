package io.phasewatch.core.stats;

import java.util.SplittableRandom;

/**
 * Two-sided permutation test of Pearson r (METHOD.md §1.3): how often does pairing the second
 * sample in another order give a correlation at least as strong, {@code |r_perm| ≥ |r_obs|}?
 *
 * <ul>
 *   <li>n ≤ {@value #EXACT_MAX_N}: exact, over all n! orderings (9! = 362,880), p = count / n!.
 *       The identity ordering is one of them, so p ≥ 1/n!.
 *   <li>n &gt; {@value #EXACT_MAX_N}: Monte Carlo over M random orderings drawn with a fixed seed,
 *       p = (count + 1) / (M + 1), which counts the observed ordering once and is never 0.
 * </ul>
 *
 * <p>Only Σ(x_i − x̄)·y_π(i) changes between orderings (means and variances do not), so each
 * ordering costs O(1) in the exact test: Heap's algorithm moves from one permutation to the next
 * by one swap, and a swap of positions i and j changes the sum by (xc_i − xc_j)(y_j − y_i).
 *
 * <p>Ties: an ordering counts when {@code |s_perm| ≥ |s_obs|·(1 − }{@value #RELATIVE_TIE_TOLERANCE}
 * {@code )}. Equal correlations reached by different summation orders (or by the incremental
 * update) differ in the last bits; without the tolerance the observed ordering itself, or an
 * exactly tied one such as the reversal of a perfect line, could be missed. 1e-9 is far below
 * any difference in r that matters and far above the rounding of a few hundred thousand updates.
 */
public final class PermutationTest {
  /** Largest n tested exactly over all n! orderings. */
  public static final int EXACT_MAX_N = 9;
  /** Relative tolerance under which two |r| values count as tied. */
  public static final double RELATIVE_TIE_TOLERANCE = 1e-9;
  /** Default number of Monte Carlo orderings (METHOD.md §1.3). */
  public static final int DEFAULT_PERMUTATIONS = 100_000;
  /** Default Monte Carlo seed. */
  public static final long DEFAULT_SEED = 42L;

  private PermutationTest() {}

  /**
   * The result: observed r, how many orderings reached |r_obs|, out of how many, the p-value, and
   * whether it was exact.
   */
  public record Result(double r, long count, long permutations, double p, boolean exact) {}

  /** The test with the default Monte Carlo count and seed. */
  public static Outcome<Result> pearson(double[] x, double[] y) {
    return pearson(x, y, DEFAULT_PERMUTATIONS, DEFAULT_SEED);
  }

  /**
   * The test of r(x, y). Undefined when r is (fewer than 3 pairs, an axis without variance).
   * {@code permutations} and {@code seed} matter only above n = {@value #EXACT_MAX_N}; the Monte
   * Carlo result depends on the order of the pairs, so callers that need the same answer for the
   * same set of pairs sort them first.
   */
  public static Outcome<Result> pearson(double[] x, double[] y, int permutations, long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be positive, was " + permutations);
    }
    Outcome<Double> r = Pearson.r(x, y);
    if (!r.isDefined()) {
      return Outcome.undefined(r.reason());
    }
    if (!Double.isFinite(r.value())) {
      return Outcome.undefined("a score is not finite");
    }
    int n = x.length;
    double mx = Pearson.mean(x);
    double[] xc = new double[n];
    double sObs = 0;
    for (int i = 0; i < n; i++) {
      xc[i] = x[i] - mx;
      sObs += xc[i] * y[i];
    }
    double threshold = Math.abs(sObs) * (1 - RELATIVE_TIE_TOLERANCE);
    if (n <= EXACT_MAX_N) {
      long total = factorial(n);
      long count = countExact(xc, y.clone(), threshold);
      return Outcome.of(new Result(r.value(), count, total, (double) count / total, true));
    }
    long count = countMonteCarlo(xc, y.clone(), threshold, permutations, seed);
    double p = (count + 1.0) / (permutations + 1.0);
    return Outcome.of(new Result(r.value(), count, permutations, p, false));
  }

  /** Heap's algorithm (iterative) over all orderings of {@code p}, counting |Σ xc·p| ≥ threshold. */
  private static long countExact(double[] xc, double[] p, double threshold) {
    int n = p.length;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += xc[i] * p[i];
    }
    long count = Math.abs(s) >= threshold ? 1 : 0;
    int[] c = new int[n];
    int i = 1;
    while (i < n) {
      if (c[i] < i) {
        int j = (i & 1) == 0 ? 0 : c[i];
        s += (xc[i] - xc[j]) * (p[j] - p[i]);
        double t = p[i];
        p[i] = p[j];
        p[j] = t;
        if (Math.abs(s) >= threshold) {
          count++;
        }
        c[i]++;
        i = 1;
      } else {
        c[i] = 0;
        i++;
      }
    }
    return count;
  }

  /** Fisher–Yates shuffles of {@code p} from a seeded generator, counting |Σ xc·p| ≥ threshold. */
  private static long countMonteCarlo(
      double[] xc, double[] p, double threshold, int permutations, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = p.length;
    long count = 0;
    for (int m = 0; m < permutations; m++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += xc[i] * p[i];
      }
      if (Math.abs(s) >= threshold) {
        count++;
      }
    }
    return count;
  }

  private static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }
}
