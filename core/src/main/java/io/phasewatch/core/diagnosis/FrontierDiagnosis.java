package io.phasewatch.core.diagnosis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The analysis of one frontier cohort (METHOD.md §3), as {@code diagnose --json} prints it under
 * {@code frontier} and {@code phasewatch.frontier-diagnosis.v1} carries it. An undefined statistic
 * is empty (JSON null) and {@link #undefined} says why.
 *
 * @param n releases in the cohort
 * @param r Pearson r(B1, B2) (§3.1)
 * @param p its two-sided parametric p-value
 * @param slope β1 of B2 = β1·B1 + β0
 * @param intercept β0
 * @param slopeSe standard error of β1
 * @param interceptSe standard error of β0
 * @param residualSd s, the residual standard deviation
 * @param releases every release, in release-date order (undated last, then by model), with h,
 *     label and 95% prediction interval (§3.2, §3.3)
 * @param labs per lab: releases, mean h, own OLS slope, leave-one-lab-out MAE (§3.2)
 * @param holdoutMaeMean mean leave-one-lab-out MAE over labs with enough releases (§3.2)
 * @param reallocations consecutive releases of one lab with |Δh| above the threshold (§3.2)
 * @param saturation top-k spread per axis, σ per axis pair, activation (§3.4)
 * @param rolling rolling and expanding r, the Fisher-z test and the decay level (§3.5)
 */
public record FrontierDiagnosis(
    int schemaVersion,
    String cohort,
    int n,
    OptionalDouble r,
    OptionalDouble p,
    OptionalDouble slope,
    OptionalDouble intercept,
    OptionalDouble slopeSe,
    OptionalDouble interceptSe,
    OptionalDouble residualSd,
    List<Release> releases,
    List<Lab> labs,
    OptionalDouble holdoutMaeMean,
    List<Reallocation> reallocations,
    Saturation saturation,
    Rolling rolling,
    Map<String, String> undefined) {

  public static final int SCHEMA_VERSION = 1;

  public FrontierDiagnosis {
    r = Nulls.orEmpty(r);
    p = Nulls.orEmpty(p);
    slope = Nulls.orEmpty(slope);
    intercept = Nulls.orEmpty(intercept);
    slopeSe = Nulls.orEmpty(slopeSe);
    interceptSe = Nulls.orEmpty(interceptSe);
    residualSd = Nulls.orEmpty(residualSd);
    releases = Nulls.copy(releases);
    labs = Nulls.copy(labs);
    holdoutMaeMean = Nulls.orEmpty(holdoutMaeMean);
    reallocations = Nulls.copy(reallocations);
    saturation = saturation == null ? Saturation.EMPTY : saturation;
    rolling = rolling == null ? Rolling.EMPTY : rolling;
    undefined = Nulls.sorted(undefined);
  }

  /**
   * One release with its place relative to the cohort trend.
   *
   * @param h B2 − (β1·B1 + β0) (§3.2)
   * @param label {@code cooperative}, {@code coding_specialist} or {@code reasoning_specialist}
   * @param pi95 the 95% prediction interval of B2 at this release's B1 (§3.3)
   * @param outsidePi95 B2 lies outside {@code pi95}: an anomalous release
   * @param isoclineBonus B2 &gt; sqrt((a/b)·B1) with scores as fractions (§3.6)
   */
  public record Release(
      String model,
      String lab,
      Optional<LocalDate> releaseDate,
      double b1,
      double b2,
      OptionalDouble h,
      Optional<String> label,
      Optional<Bounds> pi95,
      Optional<Boolean> outsidePi95,
      Optional<Boolean> isoclineBonus) {
    public Release {
      releaseDate = Nulls.orEmpty(releaseDate);
      h = Nulls.orEmpty(h);
      label = Nulls.orEmpty(label);
      pi95 = Nulls.orEmpty(pi95);
      outsidePi95 = Nulls.orEmpty(outsidePi95);
      isoclineBonus = Nulls.orEmpty(isoclineBonus);
    }
  }

  /**
   * @param slope the lab's own OLS slope; empty below 2 releases or without B1 variance
   * @param holdoutMae mean |B2 − prediction| on the lab's releases of the trend refit without the
   *     lab, percentage points
   */
  public record Lab(
      String lab, int n, OptionalDouble meanH, OptionalDouble slope, OptionalDouble holdoutMae) {
    public Lab {
      meanH = Nulls.orEmpty(meanH);
      slope = Nulls.orEmpty(slope);
      holdoutMae = Nulls.orEmpty(holdoutMae);
    }
  }

  /** Two consecutive releases of one lab whose h differs by more than the threshold (§3.2). */
  public record Reallocation(
      String lab,
      String fromModel,
      LocalDate fromDate,
      double fromH,
      String toModel,
      LocalDate toDate,
      double toH,
      double deltaH) {}

  /**
   * METHOD.md §3.4.
   *
   * @param topK releases ranked per axis whose spread is measured
   * @param spreads max − min over the top k of each axis
   * @param pairs σ = spread(active) / spread(candidate) and whether to rotate
   * @param activations r(active, candidate) and whether the candidate is activating
   */
  public record Saturation(
      int topK, List<Spread> spreads, List<Pair> pairs, List<Activation> activations) {
    static final Saturation EMPTY = new Saturation(0, List.of(), List.of(), List.of());

    public Saturation {
      spreads = Nulls.copy(spreads);
      pairs = Nulls.copy(pairs);
      activations = Nulls.copy(activations);
    }
  }

  /** @param scored releases with a score on the axis */
  public record Spread(String axis, int scored, OptionalDouble spread) {
    public Spread {
      spread = Nulls.orEmpty(spread);
    }
  }

  public record Pair(
      String activeAxis, String candidateAxis, OptionalDouble sigma, Optional<Boolean> rotate) {
    public Pair {
      sigma = Nulls.orEmpty(sigma);
      rotate = Nulls.orEmpty(rotate);
    }
  }

  public record Activation(
      String activeAxis, String candidateAxis, int n, OptionalDouble r,
      Optional<Boolean> activating) {
    public Activation {
      r = Nulls.orEmpty(r);
      activating = Nulls.orEmpty(activating);
    }
  }

  /**
   * METHOD.md §3.5: correlation over time.
   *
   * @param window releases per rolling window
   * @param datedReleases releases with a date (only these can be ordered)
   * @param undatedReleases releases left out for lack of a date
   * @param windows r over every full window, oldest first
   * @param expanding r over the first m dated releases
   * @param baseline the first full window
   * @param latest the last full window
   * @param fisherZ z of the latest window against the baseline
   * @param fisherP its p-value
   * @param level {@code ok}, {@code decayed} or {@code broken}
   * @param narrowB1Range the latest window's B1 range is too narrow to alert on
   * @param alert the level is decayed or broken and the range is wide enough
   */
  public record Rolling(
      int window,
      int datedReleases,
      int undatedReleases,
      List<Window> windows,
      List<Window> expanding,
      Optional<Window> baseline,
      Optional<Window> latest,
      OptionalDouble fisherZ,
      OptionalDouble fisherP,
      Optional<String> level,
      boolean narrowB1Range,
      boolean alert) {
    static final Rolling EMPTY = new Rolling(0, 0, 0, List.of(), List.of(), Optional.empty(),
        Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), false,
        false);

    public Rolling {
      windows = Nulls.copy(windows);
      expanding = Nulls.copy(expanding);
      baseline = Nulls.orEmpty(baseline);
      latest = Nulls.orEmpty(latest);
      fisherZ = Nulls.orEmpty(fisherZ);
      fisherP = Nulls.orEmpty(fisherP);
      level = Nulls.orEmpty(level);
    }
  }

  /** r over consecutive dated releases, and the B1 range it rests on. */
  public record Window(
      int n,
      String firstModel,
      LocalDate firstDate,
      String lastModel,
      LocalDate lastDate,
      OptionalDouble r,
      double b1Range) {
    public Window {
      r = Nulls.orEmpty(r);
    }
  }
}
