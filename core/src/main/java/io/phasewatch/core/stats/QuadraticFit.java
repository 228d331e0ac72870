package io.phasewatch.core.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * Least-squares parabola {@code y = a·x² + b·x + c} (METHOD.md §1.4).
 *
 * <p>Solved through the 3×3 normal equations in closed form on x centred at its mean, then
 * converted back to coefficients of x itself. Centring keeps the system well conditioned (on
 * x = log10 N ≈ 8…11 the raw moments reach x⁴ ≈ 10⁴); the same arithmetic runs inside the
 * bootstrap of {@code io.phasewatch.core.base.CriticalScale}, one resample at a time.
 */
public record QuadraticFit(int n, double a, double b, double c) {

  /** Fits y on x; undefined below 3 distinct x values (the parabola is then not determined). */
  public static Outcome<QuadraticFit> fit(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
    }
    int n = x.length;
    int distinct = (int) Arrays.stream(x).distinct().count();
    if (distinct < 3) {
      return Outcome.undefined("fewer than 3 distinct sizes (" + distinct + ")");
    }
    double centre = Pearson.mean(x);
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double t0 = 0;
    double t1 = 0;
    double t2 = 0;
    for (int i = 0; i < n; i++) {
      double u = x[i] - centre;
      double u2 = u * u;
      s1 += u;
      s2 += u2;
      s3 += u2 * u;
      s4 += u2 * u2;
      t0 += y[i];
      t1 += u * y[i];
      t2 += u2 * y[i];
    }
    double[] abc = new double[3];
    if (!solveNormalEquations(n, s1, s2, s3, s4, t0, t1, t2, abc)) {
      return Outcome.undefined("the normal equations are singular");
    }
    double ac = abc[0];
    double bc = abc[1];
    double cc = abc[2];
    // y = ac·(x−m)² + bc·(x−m) + cc, expanded in x.
    double a = ac;
    double b = bc - 2 * ac * centre;
    double c = cc - bc * centre + ac * centre * centre;
    if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
      return Outcome.undefined("the fit is not finite");
    }
    return Outcome.of(new QuadraticFit(n, a, b, c));
  }

  /**
   * Solves the normal equations of a parabola in closed form (Cramer's rule) from the sums
   * {@code s_k = Σ u^k} (with {@code s0 = n}) and {@code t_k = Σ u^k·y}. Writes a, b, c into
   * {@code out} and returns false when the determinant is not positive (fewer than 3 distinct u).
   * Allocation-free, so it can run once per bootstrap resample.
   */
  public static boolean solveNormalEquations(
      double s0, double s1, double s2, double s3, double s4,
      double t0, double t1, double t2, double[] out) {
    double m00 = s2 * s0 - s1 * s1;
    double m01 = s3 * s0 - s1 * s2;
    double m02 = s3 * s1 - s2 * s2;
    double det = s4 * m00 - s3 * m01 + s2 * m02;
    if (!(det > 0)) {
      return false;
    }
    double k0 = t1 * s0 - s1 * t0;
    double k1 = t1 * s1 - s2 * t0;
    out[0] = (t2 * m00 - s3 * k0 + s2 * k1) / det;
    out[1] = (s4 * k0 - t2 * m01 + s2 * (s3 * t0 - t1 * s2)) / det;
    out[2] = (s4 * (s2 * t0 - s1 * t1) - s3 * (s3 * t0 - s2 * t1) + t2 * m02) / det;
    return true;
  }

  /** The fitted value at x. */
  public double predict(double x) {
    return (a * x + b) * x + c;
  }

  /** The vertex −b/2a; defined only for a valley (a &gt; 0), METHOD.md §1.4. */
  public Outcome<Double> valleyX() {
    if (!(a > 0)) {
      return Outcome.undefined(String.format(Locale.ROOT,
          "no valley: the parabola opens downward or is flat (a = %.4g)", a));
    }
    return Outcome.finite(-b / (2 * a), "the vertex is not finite");
  }
}
