package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Per-lab statistics of METHOD.md §3.2: mean h, the lab's own slope, leave-one-lab-out error. */
public final class LabCoupling {
  private LabCoupling() {}

  /**
   * A lab's own OLS slope of B2 on B1 (METHOD.md §3.2). Two releases define it (the slope of the
   * line through them); undefined for a single release or when all share one B1.
   */
  public static Outcome<Double> labSlope(List<Release> labReleases) {
    List<Release> sorted = Orders.canonical(labReleases);
    return Guards.slope(Orders.b1(sorted), Orders.b2(sorted), "B1");
  }

  /** Mean h and own slope of every lab, ordered by lab (METHOD.md §3.2). */
  public static List<LabSummary> labSummaries(List<Release> releases, PopulationTrend trend) {
    return byLab(releases).entrySet().stream()
        .map(e -> {
          List<Release> rs = e.getValue();
          double meanH = rs.stream().mapToDouble(r -> HField.h(trend, r)).sum() / rs.size();
          return new LabSummary(e.getKey(), rs.size(), meanH, labSlope(rs));
        })
        .toList();
  }

  /**
   * Leave-one-lab-out (METHOD.md §3.2): for each lab, refit the §3.1 trend on the other labs'
   * releases and report the mean absolute error of its predictions on this lab's releases, in
   * percentage points. Undefined for a lab when the rest cannot support the §3.1 fit (fewer than
   * 3 releases, or a single B1 value). Ordered by lab.
   */
  public static List<LabHoldout> leaveOneLabOut(List<Release> releases) {
    Map<String, List<Release>> labs = byLab(releases);
    return labs.entrySet().stream()
        .map(e -> {
          String lab = e.getKey();
          List<Release> held = e.getValue();
          List<Release> rest = releases.stream().filter(r -> !r.lab().equals(lab)).toList();
          Outcome<Double> mae = PopulationTrend.fit(rest)
              .map(t -> held.stream().mapToDouble(r -> Math.abs(r.b2() - t.predict(r.b1()))).sum()
                  / held.size());
          if (!mae.isDefined()) {
            mae = Outcome.undefined("refit without " + lab + ": " + mae.reason());
          }
          return new LabHoldout(lab, held.size(), mae);
        })
        .toList();
  }

  /**
   * Mean of the defined leave-one-lab-out errors over labs with at least {@code minLabReleases}
   * releases (the author's frozen-cohort summary uses 3). Undefined when no lab qualifies.
   */
  public static Outcome<Double> meanHoldoutMae(List<LabHoldout> holdouts, int minLabReleases) {
    double[] maes = holdouts.stream()
        .filter(h -> h.n() >= minLabReleases && h.maePp().isDefined())
        .sorted((a, b) -> a.lab().compareTo(b.lab()))
        .mapToDouble(h -> h.maePp().value())
        .toArray();
    if (maes.length == 0) {
      return Outcome.undefined("no lab with at least " + minLabReleases
          + " releases has a defined leave-one-lab-out error");
    }
    double sum = 0;
    for (double m : maes) {
      sum += m;
    }
    return Outcome.of(sum / maes.length);
  }

  /** Releases grouped by lab, labs in order, each lab's releases in canonical order. */
  static Map<String, List<Release>> byLab(List<Release> releases) {
    return Orders.canonical(releases).stream()
        .collect(Collectors.groupingBy(Release::lab, TreeMap::new, Collectors.toList()));
  }
}
