package io.phasewatch.core.frontier;

import java.util.List;
import java.util.Objects;

/**
 * Every threshold of METHOD.md §3, with {@link #defaults()} giving the values METHOD.md names.
 * Invalid settings are a programming error and are rejected when the record is built.
 *
 * @param b1Axis catalogue id of B1 (§3)
 * @param b2Axis catalogue id of B2 (§3)
 * @param codingSpecialistBelowH a release with h below this is a coding specialist (§3.2, −10)
 * @param reasoningSpecialistAboveH a release with h above this is a reasoning specialist (§3.2,
 *     +10); between the two, inclusive, it is cooperative
 * @param reallocationDeltaH consecutive releases of one lab whose h differs by more than this are
 *     a reallocation (§3.2, 10)
 * @param holdoutMinLabReleases labs with at least this many releases enter the mean
 *     leave-one-lab-out error (§3.2; 3, as the author's frozen-cohort summary)
 * @param predictionLevel coverage of the prediction interval (§3.3, 0.95)
 * @param saturationTopK releases ranked by a benchmark whose spread is measured (§3.4, 5)
 * @param rotateBelowSigma σ below this means "rotate to the new axis" (§3.4, 0.2)
 * @param saturationAxes the axes compared for saturation and activation (§3.4)
 * @param activationMinR an axis is activating when r(active, candidate) exceeds this (§3.4, 0.5)
 * @param activationMinModels … on at least this many releases scored on both axes (§3.4, 10)
 * @param rollingWindow releases per rolling window, in release-date order (§3.5, 10)
 * @param expandingMinN first cohort size at which the expanding r is reported (§3.5, 5)
 * @param decayedBelowR a latest-window r below this is "decayed" (§3.5, 0.5)
 * @param brokenBelowR a latest-window r below this is "broken" (§3.5, 0.3)
 * @param fisherAlpha significance level of the Fisher-z test against the baseline window (§3.5,
 *     0.05)
 * @param minWindowB1RangePp a window whose B1 range (max − min, percentage points) is narrower than
 *     this cannot raise a decay alert (§3.5, 10)
 * @param isoclineRatio a/b of the isocline for the B1–B2 pair (§3.6, SWE–GPQA 0.51)
 */
public record FrontierConfig(
    String b1Axis,
    String b2Axis,
    double codingSpecialistBelowH,
    double reasoningSpecialistAboveH,
    double reallocationDeltaH,
    int holdoutMinLabReleases,
    double predictionLevel,
    int saturationTopK,
    double rotateBelowSigma,
    List<String> saturationAxes,
    double activationMinR,
    int activationMinModels,
    int rollingWindow,
    int expandingMinN,
    double decayedBelowR,
    double brokenBelowR,
    double fisherAlpha,
    double minWindowB1RangePp,
    double isoclineRatio) {

  public static final String SWE_BENCH_VERIFIED = "swe_bench_verified";
  public static final String GPQA_DIAMOND = "gpqa_diamond";
  public static final String HLE = "hle";
  public static final String IFEVAL = "ifeval";

  public FrontierConfig {
    Objects.requireNonNull(b1Axis, "b1Axis");
    Objects.requireNonNull(b2Axis, "b2Axis");
    saturationAxes = List.copyOf(saturationAxes);
    require(!b1Axis.equals(b2Axis), "b1Axis and b2Axis must differ");
    require(codingSpecialistBelowH <= reasoningSpecialistAboveH,
        "codingSpecialistBelowH must not exceed reasoningSpecialistAboveH");
    require(reallocationDeltaH >= 0, "reallocationDeltaH must be >= 0");
    require(holdoutMinLabReleases >= 1, "holdoutMinLabReleases must be >= 1");
    require(predictionLevel > 0 && predictionLevel < 1, "predictionLevel must lie in (0, 1)");
    require(saturationTopK >= 2, "saturationTopK must be >= 2 (a spread needs two releases)");
    require(rotateBelowSigma > 0, "rotateBelowSigma must be > 0");
    require(saturationAxes.stream().distinct().count() == saturationAxes.size(),
        "saturationAxes must not repeat an axis");
    require(activationMinR > -1 && activationMinR < 1, "activationMinR must lie in (-1, 1)");
    require(activationMinModels >= 3, "activationMinModels must be >= 3 (Pearson r needs three)");
    require(rollingWindow >= 4, "rollingWindow must be >= 4 (the Fisher-z test needs n > 3)");
    require(expandingMinN >= 3, "expandingMinN must be >= 3 (Pearson r needs three)");
    require(brokenBelowR <= decayedBelowR, "brokenBelowR must not exceed decayedBelowR");
    require(fisherAlpha > 0 && fisherAlpha < 1, "fisherAlpha must lie in (0, 1)");
    require(minWindowB1RangePp >= 0, "minWindowB1RangePp must be >= 0");
    require(isoclineRatio > 0, "isoclineRatio must be > 0");
  }

  /** The values METHOD.md §3 names, and documented choices where it names none. */
  public static FrontierConfig defaults() {
    return new FrontierConfig(
        SWE_BENCH_VERIFIED,
        GPQA_DIAMOND,
        -10.0,
        10.0,
        10.0,
        3,
        0.95,
        5,
        0.2,
        List.of(SWE_BENCH_VERIFIED, GPQA_DIAMOND, HLE, IFEVAL),
        0.5,
        10,
        10,
        5,
        0.5,
        0.3,
        0.05,
        10.0,
        0.51);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
