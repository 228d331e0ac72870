package io.phasewatch.core.frontier;

import java.time.LocalDate;

/**
 * Two consecutive releases of one lab (by release date) whose h differs by more than the
 * configured amount, METHOD.md §3.2: the lab moved capability between coding and reasoning.
 */
public record Reallocation(
    String lab,
    String fromModel,
    LocalDate fromDate,
    double fromH,
    String toModel,
    LocalDate toDate,
    double toH) {

  /** toH − fromH: negative towards coding, positive towards reasoning. */
  public double deltaH() {
    return toH - fromH;
  }
}
