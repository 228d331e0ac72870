package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;

/**
 * The linear scaling ODE of one family (METHOD.md §1.8): {@code dB/dx = C·B + c0} with B the k
 * axis scores and x = log10 N.
 *
 * <ol>
 *   <li>Finite differences between consecutive sizes, dB/dx ≈ ΔB/Δx, placed at the interval
 *       midpoints with B averaged there.
 *   <li>Least squares for each axis j: (dB/dx)_j = Σ_l C_jl·B̄_l + c0_j over the intervals (QR;
 *       needs at least k+1 intervals and midpoint scores that are not collinear).
 *   <li>Integrate from the smallest model's actual scores with the adaptive Dormand–Prince 5(4)
 *       Runge–Kutta to each larger size in turn.
 *   <li>Error per axis {@code mean_i |pred_i − actual_i| / mean_i actual_i} in percent, over all
 *       models including the smallest (where the prediction is its start value), and the mean over
 *       axes. On Pythia's five axes: 4.71, 1.24, 3.26, 1.48, 2.55%, mean 2.65%.
 * </ol>
 *
 * @param coupling C, k×k (row j: the equation of axis j)
 * @param constant c0, length k
 * @param predicted predicted scores at each model's size, in increasing size
 * @param actual the models' scores in increasing size
 */
public record ScalingOde(
    double[] x, double[][] coupling, double[] constant, double[][] predicted, double[][] actual,
    List<Double> axisErrorPct, double meanErrorPct) {

  /** Absolute and relative tolerance of the integrator, in score points. */
  static final double TOLERANCE = 1e-10;

  /** The fit and its in-sample trajectory error; {@code scores[model][axis]} in percent. */
  public static Outcome<ScalingOde> fit(double[] x, double[][] scores) {
    return OdeData.of(x, scores).flatMap(ScalingOde::fit);
  }

  private static Outcome<ScalingOde> fit(OdeData data) {
    int k = data.k();
    int m = data.slopes().length;
    if (m < k + 1) {
      return Outcome.undefined(String.format(Locale.ROOT,
          "%d intervals cannot determine %d coefficients per axis (k=%d axes plus a constant)",
          m, k + 1, k));
    }
    double[][] design = new double[m][k + 1];
    for (int r = 0; r < m; r++) {
      System.arraycopy(data.midScores()[r], 0, design[r], 0, k);
      design[r][k] = 1.0;
    }
    RealMatrix solution;
    try {
      RealMatrix a = new Array2DRowRealMatrix(design, false);
      // A pivot below 1e-10 of the design's size counts as zero: collinear midpoint scores.
      DecompositionSolver solver = new QRDecomposition(a, 1e-10 * a.getFrobeniusNorm()).getSolver();
      solution = solver.solve(new Array2DRowRealMatrix(data.slopes(), true));
    } catch (SingularMatrixException e) {
      return Outcome.undefined("the midpoint scores are collinear: C is not determined");
    }
    double[][] c = new double[k][k];
    double[] c0 = new double[k];
    for (int j = 0; j < k; j++) {
      for (int l = 0; l < k; l++) {
        c[j][l] = solution.getEntry(l, j);
      }
      c0[j] = solution.getEntry(k, j);
    }
    Outcome<double[][]> predicted = integrate(c, c0, data.x(), data.scores()[0]);
    if (!predicted.isDefined()) {
      return Outcome.undefined(predicted.reason());
    }
    return errors(data.scores(), predicted.value()).map(errs -> {
      double mean = errs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      return new ScalingOde(data.x(), c, c0, predicted.value(), data.scores(), errs, mean);
    });
  }

  /** Integrates dB/dx = C·B + c0 from (x[0], start) through every x[i]. */
  static Outcome<double[][]> integrate(double[][] c, double[] c0, double[] x, double[] start) {
    int k = start.length;
    FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return k;
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] yDot) {
        for (int j = 0; j < k; j++) {
          double s = c0[j];
          for (int l = 0; l < k; l++) {
            s += c[j][l] * y[l];
          }
          yDot[j] = s;
        }
      }
    };
    DormandPrince54Integrator integrator =
        new DormandPrince54Integrator(1e-12, Double.MAX_VALUE, TOLERANCE, TOLERANCE);
    double[][] out = new double[x.length][];
    out[0] = start.clone();
    double[] state = start.clone();
    try {
      for (int i = 1; i < x.length; i++) {
        if (x[i] > x[i - 1]) {
          double[] next = new double[k];
          integrator.integrate(ode, x[i - 1], state, x[i], next);
          state = next;
        }
        for (double v : state) {
          if (!Double.isFinite(v)) {
            return Outcome.undefined("the trajectory diverges before x = " + x[i]);
          }
        }
        out[i] = state.clone();
      }
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      return Outcome.undefined("the integration failed: " + e.getMessage());
    }
    return Outcome.of(out);
  }

  /** Per axis: mean |pred − actual| / mean actual, in percent. */
  static Outcome<List<Double>> errors(double[][] actual, double[][] predicted) {
    int n = actual.length;
    int k = actual[0].length;
    List<Double> out = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      double absErr = 0;
      double level = 0;
      for (int i = 0; i < n; i++) {
        absErr += Math.abs(predicted[i][j] - actual[i][j]);
        level += actual[i][j];
      }
      if (!(level > 0)) {
        return Outcome.undefined("axis " + j + " has no positive mean score: relative error undefined");
      }
      out.add(100 * absErr / level);
    }
    return Outcome.of(List.copyOf(out));
  }
}
