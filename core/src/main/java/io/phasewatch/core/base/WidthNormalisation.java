package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.Pearson;
import java.util.List;

/**
 * Width normalisation (METHOD.md §1.5): divide both B1 and B2 of each model by
 * {@code d_model / 512}, then take Pearson r within the family. On Pythia it turns r = −0.9886
 * into +0.9626: much of the apparent tax is the narrow models' per-width advantage.
 */
public final class WidthNormalisation {
  /** The reference width the scores are normalised to. */
  public static final double REFERENCE_WIDTH = 512.0;

  private WidthNormalisation() {}

  /** r of the width-normalised scores; undefined when a model has no (or a non-positive) d_model. */
  public static Outcome<Double> r(List<ModelPoint> family) {
    List<ModelPoint> sorted = ModelPoint.sortedBySize(family);
    int n = sorted.size();
    double[] b1 = new double[n];
    double[] b2 = new double[n];
    for (int i = 0; i < n; i++) {
      ModelPoint m = sorted.get(i);
      if (m.dModel().isEmpty()) {
        return Outcome.undefined("d_model unknown for " + m.model());
      }
      int width = m.dModel().getAsInt();
      if (width <= 0) {
        return Outcome.undefined("d_model of " + m.model() + " is not positive (" + width + ")");
      }
      double factor = width / REFERENCE_WIDTH;
      b1[i] = m.b1() / factor;
      b2[i] = m.b2() / factor;
    }
    return Pearson.r(b1, b2);
  }
}
