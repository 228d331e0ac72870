package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * Eigenstructure of a set of models scored on k axes (METHOD.md §1.7): the eigenvalues λ of the
 * k×k sample covariance matrix (Commons Math {@link EigenDecomposition}), the participation ratio
 * {@code d_eff = (Σλ)² / Σλ²} (between 1 and k: how many independent directions the leaderboard
 * spreads over) and the share of the leading eigenvalue. A d_eff falling toward 1 means one factor
 * explains the leaderboard: it stops separating.
 *
 * @param eigenvalues descending; round-off negatives of a positive semi-definite matrix are
 *     clamped to 0
 */
public record Eigenstructure(int n, int k, List<Double> eigenvalues, double dEff, double leadingShare) {

  /** The eigenstructure of {@code scores[model][axis]}; undefined below 3 models or 2 axes. */
  public static Outcome<Eigenstructure> of(double[][] scores) {
    int n = scores.length;
    if (n < 3) {
      return Outcome.undefined("fewer than 3 models (n=" + n + ")");
    }
    int k = scores[0].length;
    for (double[] row : scores) {
      if (row.length != k) {
        throw new IllegalArgumentException("rows differ in length: " + row.length + " vs " + k);
      }
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return Outcome.undefined("a score is not finite");
        }
      }
    }
    if (k < 2) {
      return Outcome.undefined("fewer than 2 axes (k=" + k + ")");
    }
    double[][] cov = new Covariance(new Array2DRowRealMatrix(scores, true), true)
        .getCovarianceMatrix().getData();
    double[] lambda = new EigenDecomposition(new Array2DRowRealMatrix(cov, false)).getRealEigenvalues();
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < lambda.length; i++) {
      lambda[i] = Math.max(0.0, lambda[i]);
      sum += lambda[i];
      sumSq += lambda[i] * lambda[i];
    }
    if (!(sumSq > 0)) {
      return Outcome.undefined("the scores have no variance on any axis");
    }
    double[] desc = lambda.clone();
    Arrays.sort(desc);
    List<Double> eig = new ArrayList<>(k);
    for (int i = desc.length - 1; i >= 0; i--) {
      eig.add(desc[i]);
    }
    return Outcome.of(new Eigenstructure(n, k, List.copyOf(eig), sum * sum / sumSq, eig.get(0) / sum));
  }

  /**
   * The eigenstructure of each phase group (§1.7): models grouped by the coarse phase of {@code
   * phases.get(i)} (deep tax counts as tax, deep bonus as bonus); {@code scores[i]} are model i's
   * axes. Only phases that occur are keys.
   */
  public static Map<Phase, Outcome<Eigenstructure>> perPhase(List<Phase> phases, double[][] scores) {
    if (phases.size() != scores.length) {
      throw new IllegalArgumentException("phases and score rows differ in count");
    }
    Map<Phase, List<double[]>> groups = new EnumMap<>(Phase.class);
    for (int i = 0; i < scores.length; i++) {
      groups.computeIfAbsent(phases.get(i).coarse(), p -> new ArrayList<>()).add(scores[i]);
    }
    Map<Phase, Outcome<Eigenstructure>> out = new EnumMap<>(Phase.class);
    groups.forEach((phase, rows) -> out.put(phase, of(rows.toArray(new double[0][]))));
    return Collections.unmodifiableMap(out);
  }
}
