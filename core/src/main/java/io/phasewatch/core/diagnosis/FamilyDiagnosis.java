package io.phasewatch.core.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The base-model analysis of one family (METHOD.md §1.1–§1.6), as {@code diagnose --json} prints
 * it and {@code phasewatch.family-diagnosis.v1} carries it. An undefined statistic is empty (JSON
 * null) and {@link #undefined} says why, keyed by the JSON field name.
 *
 * @param n models in the family
 * @param r Pearson r(B1, B2) within the family (§1.3)
 * @param pParametric its parametric p-value (§1.3)
 * @param rWidthNormalized r after dividing both axes by d_model/512 (§1.5); empty unless every
 *     model has a d_model
 * @param crossing the consecutive sizes between which γ12 turns from negative to positive: the
 *     interval in which the family crosses N_c (§1.4)
 * @param models every model, smallest first, with its γ12 and phase (§1.1, §1.2)
 * @param ncB the family's own quadratic-vertex N_c in billions (§1.4), from 4 distinct sizes up
 * @param nc the bootstrap of that vertex over the family's own models (§1.4, the same resamples,
 *     seed and window as a panel's), from 4 distinct sizes up: what a family's N_c shift is
 *     judged by (§2)
 * @param largestModel the largest model (ties broken by name)
 * @param largestGamma12 its γ12
 * @param largestPhase its phase ({@code tax}, {@code transition}, {@code bonus})
 * @param ncPending true when the family's sizes or B2 changed since {@link #nc} was computed:
 *     the streams app publishes every other statistic at once and the bootstrap, which it runs
 *     at most once per recompute interval, later; {@code nc} is then the last estimate (or
 *     undefined, when there is none yet). Always false from {@code phasewatch diagnose}.
 */
public record FamilyDiagnosis(
    int schemaVersion,
    String family,
    int n,
    OptionalDouble r,
    OptionalDouble pParametric,
    OptionalDouble rWidthNormalized,
    Optional<Crossing> crossing,
    List<Model> models,
    OptionalDouble ncB,
    Optional<PanelDiagnosis.NcBootstrap> nc,
    Optional<String> largestModel,
    OptionalDouble largestGamma12,
    Optional<String> largestPhase,
    Map<String, String> undefined,
    boolean ncPending) {

  public static final int SCHEMA_VERSION = 1;

  public FamilyDiagnosis {
    r = Nulls.orEmpty(r);
    pParametric = Nulls.orEmpty(pParametric);
    rWidthNormalized = Nulls.orEmpty(rWidthNormalized);
    crossing = Nulls.orEmpty(crossing);
    models = Nulls.copy(models);
    ncB = Nulls.orEmpty(ncB);
    nc = Nulls.orEmpty(nc);
    largestModel = Nulls.orEmpty(largestModel);
    largestGamma12 = Nulls.orEmpty(largestGamma12);
    largestPhase = Nulls.orEmpty(largestPhase);
    undefined = Nulls.sorted(undefined);
  }

  /** This diagnosis with {@link #ncPending} set: its {@code nc} is not yet of these models. */
  public FamilyDiagnosis withNcPending() {
    return new FamilyDiagnosis(schemaVersion, family, n, r, pParametric, rWidthNormalized,
        crossing, models, ncB, nc, largestModel, largestGamma12, largestPhase, undefined, true);
  }

  /**
   * One model of the family.
   *
   * @param gamma12 γ12 of the interval ending at this model (§1.1); empty for the smallest model
   *     and when |ΔB1| ≤ 0.5
   * @param phase the phase of that γ12 (§1.2)
   * @param isoclinePhase {@code bonus} above the isocline B2 = sqrt((a/b)·B1), else {@code tax}
   *     (§1.6; needs no scale)
   */
  public record Model(
      String model,
      double paramsB,
      double b1,
      double b2,
      OptionalDouble gamma12,
      Optional<String> phase,
      Optional<String> isoclinePhase) {
    public Model {
      gamma12 = Nulls.orEmpty(gamma12);
      phase = Nulls.orEmpty(phase);
      isoclinePhase = Nulls.orEmpty(isoclinePhase);
    }
  }

  /**
   * The interval in which γ12 changes sign from negative to positive (§1.4).
   *
   * @param fromModel the last model with negative γ12
   * @param toModel the first model after it with positive γ12
   */
  public record Crossing(
      String fromModel,
      String toModel,
      double fromParamsB,
      double toParamsB,
      double fromGamma12,
      double toGamma12) {}
}
