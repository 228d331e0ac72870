package io.phasewatch.core.base;

import io.phasewatch.core.stats.LegacyMt19937Sampler;
import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.Percentiles;
import io.phasewatch.core.stats.QuadraticFit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bootstrap interval of the critical scale N_c (METHOD.md §1.4).
 *
 * <p>Resample the panel's models with replacement B times; fit B2 = a·x² + b·x + c to each
 * resample; keep it only if a &gt; 0 and the vertex lies in minVertexX &lt; x &lt; maxVertexX
 * (default 7 &lt; x &lt; 12); report the median and the 2.5/97.5 and 16/84 percentiles of the kept
 * N_c (billions, linear interpolation) and how many resamples were kept. A resample with fewer
 * than 3 distinct sizes determines no parabola and is rejected too.
 *
 * <p>Indices are drawn like numpy's legacy {@code np.random.seed(seed); np.random.choice(n, n)}
 * ({@link LegacyMt19937Sampler}), so seed 42 on the §1.4 table gives CAPE's published 9,953 kept,
 * median 3.49B, 95% [2.92B, 13.40B], 68% [3.15B, 4.33B]. The models are sorted by size (then
 * name) first, so the answer does not depend on list order.
 *
 * <p>Speed: each resample only adds precomputed per-model moments (u, u², u³, u⁴, y, u·y, u²·y on
 * x centred at the panel mean) and solves the 3×3 normal equations in closed form; no object is
 * allocated per resample.
 */
public record NcBootstrap(double medianB, Range ci95B, Range ci68B, int kept, int resamples) {

  /** B resamples, the seed, and the vertex window (x = log10 N) a kept resample must fall in. */
  public record Config(int resamples, long seed, double minVertexX, double maxVertexX) {
    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final long DEFAULT_SEED = 42L;

    public Config {
      if (resamples < 1) {
        throw new IllegalArgumentException("resamples must be positive, was " + resamples);
      }
      if (seed < 0 || seed > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("seed must be in [0, 2^32), was " + seed);
      }
      if (!(minVertexX < maxVertexX)) {
        throw new IllegalArgumentException("empty vertex window " + minVertexX + ".." + maxVertexX);
      }
    }

    /** 10,000 resamples, seed 42, 7 &lt; x &lt; 12. */
    public static Config defaults() {
      return new Config(DEFAULT_RESAMPLES, DEFAULT_SEED, 7.0, 12.0);
    }
  }

  /** The bootstrap over a panel's models (x from size, y = B2). */
  public static Outcome<NcBootstrap> of(List<ModelPoint> panel, Config config) {
    List<ModelPoint> sorted = ModelPoint.sortedBySize(panel);
    double[] x = sorted.stream().mapToDouble(ModelPoint::x).toArray();
    double[] y = sorted.stream().mapToDouble(ModelPoint::b2).toArray();
    return ofArrays(x, y, config);
  }

  /**
   * The bootstrap over paired arrays in the given order (x = log10 N, y = B2). Undefined below 3
   * models, below 3 distinct sizes, or when every resample is rejected.
   */
  public static Outcome<NcBootstrap> ofArrays(double[] x, double[] y, Config config) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
    }
    int n = x.length;
    if (n < 3) {
      return Outcome.undefined("fewer than 3 models (n=" + n + ")");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        return Outcome.undefined("a size or score is not finite");
      }
    }
    int[] sizeGroup = sizeGroups(x);
    int groups = Arrays.stream(sizeGroup).max().orElse(-1) + 1;
    if (groups < 3) {
      return Outcome.undefined("fewer than 3 distinct sizes (" + groups + ")");
    }

    double centre = 0;
    for (double v : x) {
      centre += v;
    }
    centre /= n;
    double[] u1 = new double[n];
    double[] u2 = new double[n];
    double[] u3 = new double[n];
    double[] u4 = new double[n];
    double[] uy = new double[n];
    double[] u2y = new double[n];
    for (int i = 0; i < n; i++) {
      double u = x[i] - centre;
      u1[i] = u;
      u2[i] = u * u;
      u3[i] = u2[i] * u;
      u4[i] = u2[i] * u2[i];
      uy[i] = u * y[i];
      u2y[i] = u2[i] * y[i];
    }

    int resamples = config.resamples();
    double lo = config.minVertexX() - centre;
    double hi = config.maxVertexX() - centre;
    LegacyMt19937Sampler sampler = new LegacyMt19937Sampler(config.seed());
    int mask = LegacyMt19937Sampler.maskFor(n);
    int[] seen = new int[groups];
    double[] abc = new double[3];
    double[] keptX = new double[resamples];
    int kept = 0;
    for (int b = 1; b <= resamples; b++) {
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double t0 = 0;
      double t1 = 0;
      double t2 = 0;
      int distinct = 0;
      for (int k = 0; k < n; k++) {
        int i = sampler.nextIndex(n, mask);
        s1 += u1[i];
        s2 += u2[i];
        s3 += u3[i];
        s4 += u4[i];
        t0 += y[i];
        t1 += uy[i];
        t2 += u2y[i];
        if (seen[sizeGroup[i]] != b) {
          seen[sizeGroup[i]] = b;
          distinct++;
        }
      }
      if (distinct < 3 || !QuadraticFit.solveNormalEquations(n, s1, s2, s3, s4, t0, t1, t2, abc)) {
        continue;
      }
      double a = abc[0];
      if (!(a > 0)) {
        continue;
      }
      double vertex = -abc[1] / (2 * a);
      if (vertex > lo && vertex < hi) {
        keptX[kept++] = vertex + centre;
      }
    }
    if (kept == 0) {
      return Outcome.undefined(String.format(Locale.ROOT,
          "every resample was rejected: none of %d gave a valley with its vertex in %.3g < x < %.3g",
          resamples, config.minVertexX(), config.maxVertexX()));
    }
    // Percentiles are taken on N_c in billions, as published (not on x).
    for (int i = 0; i < kept; i++) {
      keptX[i] = LogScale.billions(keptX[i]);
    }
    Arrays.sort(keptX, 0, kept);
    return Outcome.of(new NcBootstrap(
        Percentiles.ofSorted(keptX, kept, 50),
        new Range(Percentiles.ofSorted(keptX, kept, 2.5), Percentiles.ofSorted(keptX, kept, 97.5)),
        new Range(Percentiles.ofSorted(keptX, kept, 16), Percentiles.ofSorted(keptX, kept, 84)),
        kept,
        resamples));
  }

  /** Index of each model's distinct size, 0…groups−1, in order of first appearance. */
  private static int[] sizeGroups(double[] x) {
    int n = x.length;
    int[] group = new int[n];
    int groups = 0;
    for (int i = 0; i < n; i++) {
      group[i] = -1;
      for (int j = 0; j < i; j++) {
        if (x[j] == x[i]) {
          group[i] = group[j];
          break;
        }
      }
      if (group[i] < 0) {
        group[i] = groups++;
      }
    }
    return group;
  }
}
