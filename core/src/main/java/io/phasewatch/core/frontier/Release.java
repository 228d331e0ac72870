package io.phasewatch.core.frontier;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One frontier release as METHOD.md §3 sees it: a model of a lab, its release date when known, its
 * score on the pair (B1 = SWE-bench Verified, B2 = GPQA Diamond, both in percent) and its scores on
 * extra axes (for example {@code hle}, {@code ifeval}, in percent).
 *
 * <p>Scores must be finite: a missing score is an absent map entry, never NaN.
 *
 * @param model model id, unique within a cohort
 * @param lab the lab that released it
 * @param releaseDate release date; without one the release is left out of everything that needs
 *     time order (reallocations §3.2, rolling and expanding r §3.5)
 * @param b1 SWE-bench Verified, percent
 * @param b2 GPQA Diamond, percent
 * @param extraAxes other benchmark scores by catalogue id, percent
 */
public record Release(
    String model,
    String lab,
    Optional<LocalDate> releaseDate,
    double b1,
    double b2,
    Map<String, Double> extraAxes) {

  public Release {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(lab, "lab");
    releaseDate = releaseDate == null ? Optional.empty() : releaseDate;
    extraAxes = extraAxes == null ? Map.of() : Map.copyOf(extraAxes);
    requireFinite(model, "b1", b1);
    requireFinite(model, "b2", b2);
    extraAxes.forEach((axis, value) -> requireFinite(model, axis, value));
  }

  /** A dated release without extra axes. */
  public static Release of(String model, String lab, LocalDate releaseDate, double b1, double b2) {
    return new Release(model, lab, Optional.of(releaseDate), b1, b2, Map.of());
  }

  /** An undated release without extra axes. */
  public static Release undated(String model, String lab, double b1, double b2) {
    return new Release(model, lab, Optional.empty(), b1, b2, Map.of());
  }

  /**
   * This release's score on {@code axis}: B1 when it names {@link FrontierConfig#b1Axis()}, B2 when
   * it names {@link FrontierConfig#b2Axis()}, otherwise the extra axis of that id, if present.
   */
  public OptionalDouble score(String axis, FrontierConfig config) {
    if (axis.equals(config.b1Axis())) {
      return OptionalDouble.of(b1);
    }
    if (axis.equals(config.b2Axis())) {
      return OptionalDouble.of(b2);
    }
    Double v = extraAxes.get(axis);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static void requireFinite(String model, String axis, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(model + ": " + axis + " is not a finite score: " + value);
    }
  }
}
