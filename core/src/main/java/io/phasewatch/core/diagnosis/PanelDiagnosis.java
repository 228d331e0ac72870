package io.phasewatch.core.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The analysis of a pooled panel of base models (METHOD.md §1.3, §1.4), as {@code diagnose --json}
 * prints it under {@code base.pooled} and {@code phasewatch.panel-diagnosis.v1} carries it. An
 * undefined statistic is empty (JSON null) and {@link #undefined} says why.
 *
 * @param families the families pooled, sorted
 * @param r Pearson r(B1, B2) across the panel (§1.3)
 * @param pParametric its parametric p-value (t, n−2 dof)
 * @param pPermutation its permutation p-value: exact for n ≤ 9, else Monte Carlo (§1.3)
 * @param permutation how the permutation p-value was obtained
 * @param ncGammaZeroB the γ12-against-x zero crossing, in billions (§1.4's second estimator)
 * @param ncVertexB the vertex of the full-data quadratic, in billions (§1.4)
 * @param quadratic the full-data fit B2 = a·x² + b·x + c with x = log10 N
 * @param nc the bootstrap N_c (§1.4)
 * @param models every model of the panel, smallest first (ties by name)
 */
public record PanelDiagnosis(
    int schemaVersion,
    String panel,
    int n,
    List<String> families,
    OptionalDouble r,
    OptionalDouble pParametric,
    OptionalDouble pPermutation,
    Optional<Permutation> permutation,
    OptionalDouble ncGammaZeroB,
    OptionalDouble ncVertexB,
    Optional<Quadratic> quadratic,
    Optional<NcBootstrap> nc,
    List<Model> models,
    Map<String, String> undefined) {

  public static final int SCHEMA_VERSION = 1;

  public PanelDiagnosis {
    families = Nulls.copy(families);
    r = Nulls.orEmpty(r);
    pParametric = Nulls.orEmpty(pParametric);
    pPermutation = Nulls.orEmpty(pPermutation);
    permutation = Nulls.orEmpty(permutation);
    ncGammaZeroB = Nulls.orEmpty(ncGammaZeroB);
    ncVertexB = Nulls.orEmpty(ncVertexB);
    quadratic = Nulls.orEmpty(quadratic);
    nc = Nulls.orEmpty(nc);
    models = Nulls.copy(models);
    undefined = Nulls.sorted(undefined);
  }

  /**
   * The bootstrap of the quadratic vertex (§1.4): resamples with replacement over the panel's
   * models, kept when a &gt; 0 and the vertex lies inside the configured x window.
   *
   * @param medianB median N_c of the kept resamples, billions
   * @param ci95B 2.5 and 97.5 percentiles, billions
   * @param ci68B 16 and 84 percentiles, billions
   * @param kept resamples kept
   * @param resamples resamples drawn
   * @param seed the generator's seed
   */
  public record NcBootstrap(
      double medianB, Bounds ci95B, Bounds ci68B, int kept, int resamples, long seed) {}

  /**
   * @param method {@code exact} (all n! orderings) or {@code monte_carlo}
   * @param count orderings with |r_perm| ≥ |r_obs|
   * @param permutations orderings evaluated
   */
  public record Permutation(String method, long count, long permutations) {}

  /** B2 = a·x² + b·x + c, x = log10 N. */
  public record Quadratic(double a, double b, double c) {}

  /**
   * @param hResidual B2 − quadratic(x): how far the model sits from the panel's scale trend (the
   *     "h(D)" residual of METHOD.md §2); empty without a full-data fit
   */
  public record Model(
      String model, String family, double paramsB, double b1, double b2, OptionalDouble hResidual) {
    public Model {
      hResidual = Nulls.orEmpty(hResidual);
    }
  }
}
