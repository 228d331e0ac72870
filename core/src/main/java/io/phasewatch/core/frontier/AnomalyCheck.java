package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import java.util.List;

/**
 * METHOD.md §3.3: is a new release outside the prediction interval of the cohort it joins?
 *
 * @param release the new release
 * @param interval the interval at its B1, from the cohort without it
 * @param anomalous whether its B2 lies outside that interval
 */
public record AnomalyCheck(Release release, PredictionInterval interval, boolean anomalous) {

  /**
   * Checks {@code candidate} against the trend of {@code cohort}. A cohort entry with the
   * candidate's model id is left out of the fit, so the candidate never predicts itself. Undefined
   * when the remaining cohort has no §3.1 trend.
   */
  public static Outcome<AnomalyCheck> check(
      List<Release> cohort, Release candidate, FrontierConfig config) {
    List<Release> others =
        cohort.stream().filter(r -> !r.model().equals(candidate.model())).toList();
    Outcome<PopulationTrend> trend = PopulationTrend.fit(others);
    if (!trend.isDefined()) {
      return Outcome.undefined("no trend without " + candidate.model() + ": " + trend.reason());
    }
    PredictionInterval pi =
        PredictionInterval.at(trend.value(), candidate.b1(), config.predictionLevel());
    return Outcome.of(new AnomalyCheck(candidate, pi, pi.outside(candidate.b2())));
  }
}
