package io.phasewatch.core.diagnosis;

import io.phasewatch.core.base.NcBootstrap;
import io.phasewatch.core.base.PhaseRule;
import io.phasewatch.core.base.PopulationCoupling;
import io.phasewatch.core.frontier.FrontierConfig;
import java.util.Objects;

/**
 * Every threshold the diagnoses use, with {@link #defaults()} giving the values METHOD.md names.
 *
 * @param phaseRule γ12 → phase: dead band ±0.1, optional deep thresholds (§1.2)
 * @param minAbsDeltaB1 smallest |ΔB1| worth dividing by for γ12, percentage points (§1.1, 0.5)
 * @param bootstrap resamples (10,000), seed (42) and the vertex window 7 &lt; x &lt; 12 of the
 *     bootstrap N_c (§1.4); the same window bounds the per-family vertex
 * @param permutation Monte Carlo orderings (100,000) and seed (42) of the permutation test above
 *     n = 9 (§1.3)
 * @param familyMinSizes fewest distinct sizes for a per-family vertex (§1.4, 4)
 * @param isoclineRatio a/b of the base pair's isocline (§1.6, 0.187 for HellaSwag–TruthfulQA)
 * @param frontier every threshold of §3
 */
public record DiagnosisConfig(
    PhaseRule phaseRule,
    double minAbsDeltaB1,
    NcBootstrap.Config bootstrap,
    PopulationCoupling.PermutationConfig permutation,
    int familyMinSizes,
    double isoclineRatio,
    FrontierConfig frontier) {

  public DiagnosisConfig {
    Objects.requireNonNull(phaseRule, "phaseRule");
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(permutation, "permutation");
    Objects.requireNonNull(frontier, "frontier");
    if (!(minAbsDeltaB1 >= 0) || Double.isInfinite(minAbsDeltaB1)) {
      throw new IllegalArgumentException("minAbsDeltaB1 must be finite and ≥ 0, was " + minAbsDeltaB1);
    }
    if (familyMinSizes < 3) {
      throw new IllegalArgumentException("familyMinSizes must be ≥ 3 (a parabola needs 3 sizes)");
    }
    if (!(isoclineRatio > 0) || Double.isInfinite(isoclineRatio)) {
      throw new IllegalArgumentException("isoclineRatio must be positive and finite");
    }
  }

  /** The values of METHOD.md: dead band 0.1, |ΔB1| 0.5, 10,000 resamples and 100,000 orderings
   * seeded 42, 7 &lt; x &lt; 12, 4 sizes per family, a/b 0.187, and {@link FrontierConfig#defaults()}. */
  public static DiagnosisConfig defaults() {
    return new DiagnosisConfig(PhaseRule.defaults(), 0.5, NcBootstrap.Config.defaults(),
        PopulationCoupling.PermutationConfig.defaults(), 4, 0.187, FrontierConfig.defaults());
  }

  /**
   * The same configuration with {@code resamples} bootstrap resamples, and {@code seed} for both
   * the bootstrap and the Monte Carlo permutation test.
   */
  public DiagnosisConfig withBootstrap(int resamples, long seed) {
    return new DiagnosisConfig(phaseRule, minAbsDeltaB1,
        new NcBootstrap.Config(resamples, seed, bootstrap.minVertexX(), bootstrap.maxVertexX()),
        new PopulationCoupling.PermutationConfig(permutation.permutations(), seed),
        familyMinSizes, isoclineRatio, frontier);
  }
}
