package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import java.util.List;

/**
 * The correlation-decay verdict of METHOD.md §3.5 for a cohort.
 *
 * @param datedReleases releases with a release date (the only ones that can be ordered in time)
 * @param undatedReleases releases left out for lack of a date
 * @param rolling r over every full window of {@link FrontierConfig#rollingWindow()} consecutive
 *     dated releases, oldest first
 * @param expanding r over the first m dated releases, for m from
 *     {@link FrontierConfig#expandingMinN()} to all of them
 * @param baseline the first full window
 * @param latest the last full window
 * @param fisher the Fisher-z test of the latest window against the baseline; undefined while the
 *     two windows overlap (fewer than two windows' worth of dated releases)
 * @param level OK / DECAYED / BROKEN from the latest window's r and a significant fall
 * @param narrowB1Range the flag that holds an alert back: the latest window's B1 range is below
 *     {@link FrontierConfig#minWindowB1RangePp()}, too narrow for r to mean much
 * @param alert the level is DECAYED or BROKEN and {@code narrowB1Range} is false
 */
public record DecayAssessment(
    int datedReleases,
    int undatedReleases,
    List<CorrelationWindow> rolling,
    List<CorrelationWindow> expanding,
    Outcome<CorrelationWindow> baseline,
    Outcome<CorrelationWindow> latest,
    Outcome<FisherZTest> fisher,
    Outcome<CouplingLevel> level,
    boolean narrowB1Range,
    boolean alert) {

  public DecayAssessment {
    rolling = List.copyOf(rolling);
    expanding = List.copyOf(expanding);
  }
}
