package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The h-field of METHOD.md §3.2: each release's distance from the population trend. */
public final class HField {
  private HField() {}

  /** METHOD.md §3.2: {@code h = B2 − (β1·B1 + β0)}, in percentage points. */
  public static double h(PopulationTrend trend, Release release) {
    return release.b2() - trend.predict(release.b1());
  }

  /**
   * METHOD.md §3.2: coding specialist when h is below
   * {@link FrontierConfig#codingSpecialistBelowH()} (−10), reasoning specialist when above
   * {@link FrontierConfig#reasoningSpecialistAboveH()} (+10), cooperative in between, bounds
   * included.
   */
  public static HLabel label(double h, FrontierConfig config) {
    if (h < config.codingSpecialistBelowH()) {
      return HLabel.CODING_SPECIALIST;
    }
    if (h > config.reasoningSpecialistAboveH()) {
      return HLabel.REASONING_SPECIALIST;
    }
    return HLabel.COOPERATIVE;
  }

  /** h and label of every release against {@code trend}, ordered by model id (METHOD.md §3.2). */
  public static List<ReleaseH> field(
      List<Release> releases, PopulationTrend trend, FrontierConfig config) {
    return Orders.canonical(releases).stream()
        .map(r -> {
          double h = h(trend, r);
          return new ReleaseH(r, h, label(h, config));
        })
        .toList();
  }

  /**
   * h and label of every release against the cohort's own trend (METHOD.md §3.1, §3.2); undefined
   * when the trend is.
   */
  public static Outcome<List<ReleaseH>> field(List<Release> releases, FrontierConfig config) {
    return PopulationTrend.fit(releases).map(t -> field(releases, t, config));
  }

  /**
   * METHOD.md §3.2: for each lab, its dated releases in release-date order (ties by model id), and
   * each consecutive pair whose |Δh| exceeds {@link FrontierConfig#reallocationDeltaH()}. Undated
   * releases cannot be placed in a sequence and are skipped. Ordered by lab, then date.
   */
  public static List<Reallocation> reallocations(List<ReleaseH> field, FrontierConfig config) {
    Map<String, List<ReleaseH>> byLab = new TreeMap<>();
    field.stream()
        .filter(rh -> rh.release().releaseDate().isPresent())
        .sorted((a, b) -> Orders.RELEASE_DATE.compare(a.release(), b.release()))
        .forEach(rh -> byLab.computeIfAbsent(rh.release().lab(), k -> new ArrayList<>()).add(rh));
    List<Reallocation> out = new ArrayList<>();
    byLab.forEach((lab, seq) -> {
      for (int i = 1; i < seq.size(); i++) {
        ReleaseH from = seq.get(i - 1);
        ReleaseH to = seq.get(i);
        if (Math.abs(to.h() - from.h()) > config.reallocationDeltaH()) {
          out.add(new Reallocation(
              lab,
              from.release().model(),
              date(from),
              from.h(),
              to.release().model(),
              date(to),
              to.h()));
        }
      }
    });
    return List.copyOf(out);
  }

  private static LocalDate date(ReleaseH rh) {
    return rh.release().releaseDate().orElseThrow();
  }
}
