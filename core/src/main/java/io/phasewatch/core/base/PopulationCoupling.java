package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.Pearson;
import io.phasewatch.core.stats.PermutationTest;
import java.util.List;

/**
 * The population coupling of a panel (METHOD.md §1.3): Pearson r(B1, B2) across its models, with
 * the parametric p-value (t-distribution, n−2 degrees of freedom) and the permutation p-value
 * (exact for n ≤ 9, else Monte Carlo with a fixed seed; see {@link PermutationTest}).
 */
public record PopulationCoupling(
    int n, Outcome<Double> r, Outcome<Double> pParametric, Outcome<PermutationTest.Result> permutation) {

  /** Monte Carlo settings of the permutation test; used only above n = 9. */
  public record PermutationConfig(int permutations, long seed) {
    public PermutationConfig {
      if (permutations < 1) {
        throw new IllegalArgumentException("permutations must be positive, was " + permutations);
      }
    }

    /** 100,000 orderings, seed 42. */
    public static PermutationConfig defaults() {
      return new PermutationConfig(PermutationTest.DEFAULT_PERMUTATIONS, PermutationTest.DEFAULT_SEED);
    }
  }

  /** The coupling of a panel; models are sorted by size first, so the answer is order-free. */
  public static PopulationCoupling of(List<ModelPoint> panel, PermutationConfig config) {
    List<ModelPoint> sorted = ModelPoint.sortedBySize(panel);
    double[] b1 = sorted.stream().mapToDouble(ModelPoint::b1).toArray();
    double[] b2 = sorted.stream().mapToDouble(ModelPoint::b2).toArray();
    Outcome<Double> r = Pearson.r(b1, b2);
    Outcome<Double> p = r.flatMap(v -> Pearson.pParametric(v, b1.length));
    Outcome<PermutationTest.Result> perm =
        PermutationTest.pearson(b1, b2, config.permutations(), config.seed());
    return new PopulationCoupling(sorted.size(), r, p, perm);
  }
}
