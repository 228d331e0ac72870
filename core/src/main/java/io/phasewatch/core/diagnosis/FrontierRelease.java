package io.phasewatch.core.diagnosis;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One frontier release as the cohort analysis sees it (METHOD.md §3).
 *
 * @param b1 coding axis, SWE-bench Verified by default (percent)
 * @param b2 reasoning axis, GPQA Diamond by default (percent)
 * @param releaseDate orders releases for rolling correlation and per-lab reallocation (§3.2, §3.5)
 * @param extraAxes candidate axes by catalogue id ({@code hle}, {@code ifeval}; percent), for
 *     saturation and activation (§3.4); iterated in key order
 */
public record FrontierRelease(
    String model,
    String lab,
    Optional<LocalDate> releaseDate,
    double b1,
    double b2,
    Map<String, Double> extraAxes) {

  public FrontierRelease {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(lab, "lab");
    releaseDate = releaseDate == null ? Optional.empty() : releaseDate;
    extraAxes = Axes.sortedCopy(extraAxes);
  }

  /** The release with no date and no extra axes. */
  public static FrontierRelease of(String model, String lab, double b1, double b2) {
    return new FrontierRelease(model, lab, Optional.empty(), b1, b2, Map.of());
  }
}
