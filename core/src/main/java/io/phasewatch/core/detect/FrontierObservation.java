package io.phasewatch.core.detect;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A frontier cohort's diagnosis as the detector reads it (METHOD.md §3).
 *
 * @param n releases in the cohort's trend
 * @param releases every release with its h and 95% prediction interval
 * @param latestWindow the latest full rolling window of §3.5, when there is one
 * @param saturation σ per (active, candidate) axis pair, §3.4
 * @param reallocations consecutive releases of one lab with their Δh, §3.2
 * @param sources model id to (benchmark id to feed), for evidence
 */
public record FrontierObservation(
    String cohort,
    int n,
    List<ReleaseView> releases,
    Optional<WindowView> latestWindow,
    List<SaturationView> saturation,
    List<ReallocationView> reallocations,
    Map<String, Map<String, String>> sources) {

  public FrontierObservation {
    Objects.requireNonNull(cohort, "cohort");
    releases = releases == null ? List.of() : List.copyOf(releases);
    latestWindow = latestWindow == null ? Optional.empty() : latestWindow;
    saturation = saturation == null ? List.of() : List.copyOf(saturation);
    reallocations = reallocations == null ? List.of() : List.copyOf(reallocations);
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  /** A release with its residual h and prediction interval (§3.2, §3.3). */
  public record ReleaseView(String model, String lab, Optional<LocalDate> releaseDate, double b1,
      double b2, OptionalDouble h, OptionalDouble pi95Lo, OptionalDouble pi95Hi) {}

  /** The latest rolling window (§3.5): its r, size, dates, B1 range and models. */
  public record WindowView(OptionalDouble r, int n, LocalDate from, LocalDate to, double b1Range,
      List<String> models) {}

  /** σ = spread(active) / spread(candidate) over the top releases (§3.4). */
  public record SaturationView(String activeAxis, String candidateAxis, OptionalDouble sigma,
      double spreadActive, double spreadCandidate) {}

  /** Two consecutive releases of one lab and the change of h between them (§3.2). */
  public record ReallocationView(String lab, String fromModel, String toModel, double dh) {}
}
