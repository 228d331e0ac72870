package io.phasewatch.core.frontier;

/** State of the cohort's B1–B2 coupling, METHOD.md §3.5. */
public enum CouplingLevel {
  /** The latest window's r is at or above the warning level and no significant fall. */
  OK,
  /**
   * The latest window's r is below the warning level (0.5), or the Fisher-z test shows it
   * significantly below the baseline window's.
   */
  DECAYED,
  /** The latest window's r is below the falsification level (0.3). */
  BROKEN
}
