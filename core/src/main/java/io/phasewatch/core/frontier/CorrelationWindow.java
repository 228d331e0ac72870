package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import java.time.LocalDate;

/**
 * Pearson r(B1, B2) over a run of consecutive releases in release-date order, METHOD.md §3.5.
 *
 * @param fromIndex position of the window's first release in the dated release order (0-based)
 * @param n releases in the window
 * @param firstModel the window's oldest release
 * @param firstDate its release date
 * @param lastModel the window's newest release
 * @param lastDate its release date
 * @param r Pearson r over the window; undefined when B1 or B2 is constant in it
 * @param b1Min lowest B1 in the window
 * @param b1Max highest B1 in the window
 */
public record CorrelationWindow(
    int fromIndex,
    int n,
    String firstModel,
    LocalDate firstDate,
    String lastModel,
    LocalDate lastDate,
    Outcome<Double> r,
    double b1Min,
    double b1Max) {

  /** The window's B1 range, max − min, percentage points: coupling needs range (§3.5). */
  public double b1Range() {
    return b1Max - b1Min;
  }
}
