package io.phasewatch.core.frontier;

/** The h-field label of a release, METHOD.md §3.2. */
public enum HLabel {
  /** h below the coding threshold (default −10): stronger on coding (B1) than the trend says. */
  CODING_SPECIALIST,
  /** h within the band, bounds included (default |h| ≤ 10). */
  COOPERATIVE,
  /** h above the reasoning threshold (default +10): stronger on B2 (reasoning). */
  REASONING_SPECIALIST
}
