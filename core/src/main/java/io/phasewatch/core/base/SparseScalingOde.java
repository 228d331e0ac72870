package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The sparse variant of the scaling ODE (METHOD.md §1.8): SINDy's sequentially thresholded least
 * squares (STLSQ). The same finite differences as {@link ScalingOde}; the right-hand side of each
 * axis is a linear combination of a polynomial library in the midpoint scores (every monomial up
 * to {@code degree}, constant included). Each round zeroes coefficients with |ξ| &lt; threshold and
 * refits the rest, until the set of surviving terms no longer changes (or {@code maxIterations}).
 *
 * <p>Least squares here is the minimum-norm solution (SVD pseudo-inverse), because a degree-3
 * library on k axes has C(k+3, 3) terms, far more than a family has intervals. Coefficients are in
 * the units of the scores given (METHOD.md works in percent), and the threshold applies to them
 * as they are, without normalising the library's columns: a term survives when its coefficient is
 * at least 0.1 in those units. A consequence worth knowing: on Pythia's five axes (7 intervals, 56
 * terms) no term survives at degree 3, because the minimum-norm solution spreads the derivatives
 * over the large cubic columns with tiny coefficients; at degree 1 with threshold 0 the fit is
 * exactly the linear ODE of {@link ScalingOde}.
 *
 * @param terms the surviving terms, equation by equation, in library order
 * @param iterations thresholding rounds run (the most over axes)
 */
public record SparseScalingOde(List<String> axes, List<Term> terms, int libraryTerms, int iterations) {

  /** One surviving term: in the equation of {@code axis}, {@code coefficient · monomial}. */
  public record Term(String axis, String monomial, double coefficient) {}

  /** Library degree, threshold and cap on thresholding rounds. */
  public record Config(int degree, double threshold, int maxIterations) {
    public Config {
      if (degree < 1) {
        throw new IllegalArgumentException("degree must be ≥ 1, was " + degree);
      }
      if (!(threshold >= 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("threshold must be finite and ≥ 0, was " + threshold);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations must be ≥ 1, was " + maxIterations);
      }
    }

    /** Degree 3, threshold 0.1, at most 10 rounds. */
    public static Config defaults() {
      return new Config(3, 0.1, 10);
    }
  }

  /** STLSQ on {@code scores[model][axis]} at x = log10 N; {@code axes} names the columns. */
  public static Outcome<SparseScalingOde> fit(
      List<String> axes, double[] x, double[][] scores, Config config) {
    Outcome<OdeData> data = OdeData.of(x, scores);
    if (!data.isDefined()) {
      return Outcome.undefined(data.reason());
    }
    OdeData d = data.value();
    if (axes.size() != d.k()) {
      throw new IllegalArgumentException("axes names " + axes.size() + " for " + d.k() + " axes");
    }
    int m = d.slopes().length;
    if (m < 2) {
      return Outcome.undefined("fewer than 2 intervals of distinct size (" + m + ")");
    }
    List<int[]> monomials = monomials(d.k(), config.degree());
    double[][] library = new double[m][monomials.size()];
    for (int r = 0; r < m; r++) {
      for (int t = 0; t < monomials.size(); t++) {
        double v = 1;
        for (int axis : monomials.get(t)) {
          v *= d.midScores()[r][axis];
        }
        library[r][t] = v;
      }
    }
    List<Term> terms = new ArrayList<>();
    int rounds = 0;
    for (int j = 0; j < d.k(); j++) {
      double[] target = new double[m];
      for (int r = 0; r < m; r++) {
        target[r] = d.slopes()[r][j];
      }
      boolean[] active = new boolean[monomials.size()];
      Arrays.fill(active, true);
      double[] xi = leastSquares(library, target, active);
      int round = 1;
      while (round < config.maxIterations()) {
        boolean changed = false;
        for (int t = 0; t < xi.length; t++) {
          if (active[t] && Math.abs(xi[t]) < config.threshold()) {
            active[t] = false;
            changed = true;
          }
        }
        if (!changed) {
          break;
        }
        xi = leastSquares(library, target, active);
        round++;
      }
      for (int t = 0; t < xi.length; t++) {
        if (active[t] && Math.abs(xi[t]) < config.threshold()) {
          active[t] = false;
        }
        if (active[t]) {
          terms.add(new Term(axes.get(j), name(monomials.get(t), axes), xi[t]));
        }
      }
      rounds = Math.max(rounds, round);
    }
    for (Term t : terms) {
      if (!Double.isFinite(t.coefficient())) {
        return Outcome.undefined(String.format(Locale.ROOT, "the fit of %s is not finite", t.axis()));
      }
    }
    return Outcome.of(new SparseScalingOde(List.copyOf(axes), List.copyOf(terms), monomials.size(), rounds));
  }

  /** Minimum-norm least squares on the active columns; inactive coefficients are 0. */
  private static double[] leastSquares(double[][] library, double[] target, boolean[] active) {
    int m = library.length;
    int cols = 0;
    for (boolean a : active) {
      cols += a ? 1 : 0;
    }
    double[] xi = new double[active.length];
    if (cols == 0) {
      return xi;
    }
    double[][] sub = new double[m][cols];
    for (int r = 0; r < m; r++) {
      int c = 0;
      for (int t = 0; t < active.length; t++) {
        if (active[t]) {
          sub[r][c++] = library[r][t];
        }
      }
    }
    RealVector sol = new SingularValueDecomposition(new Array2DRowRealMatrix(sub, false))
        .getSolver().solve(new ArrayRealVector(target, false));
    int c = 0;
    for (int t = 0; t < active.length; t++) {
      if (active[t]) {
        xi[t] = sol.getEntry(c++);
      }
    }
    return xi;
  }

  /** Every monomial of degree 0…degree in k variables, as sorted axis-index lists. */
  static List<int[]> monomials(int k, int degree) {
    List<int[]> out = new ArrayList<>();
    out.add(new int[0]);
    List<int[]> previous = List.of(new int[0]);
    for (int d = 1; d <= degree; d++) {
      List<int[]> next = new ArrayList<>();
      for (int[] mono : previous) {
        int from = mono.length == 0 ? 0 : mono[mono.length - 1];
        for (int a = from; a < k; a++) {
          int[] longer = Arrays.copyOf(mono, mono.length + 1);
          longer[mono.length] = a;
          next.add(longer);
        }
      }
      out.addAll(next);
      previous = next;
    }
    return out;
  }

  /** "1", "HS", "HS·TQA", "HS^2·TQA", … */
  static String name(int[] monomial, List<String> axes) {
    if (monomial.length == 0) {
      return "1";
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < monomial.length) {
      int power = 1;
      while (i + power < monomial.length && monomial[i + power] == monomial[i]) {
        power++;
      }
      if (sb.length() > 0) {
        sb.append('·');
      }
      sb.append(axes.get(monomial[i]));
      if (power > 1) {
        sb.append('^').append(power);
      }
      i += power;
    }
    return sb.toString();
  }
}
