package io.phasewatch.core.frontier;

/**
 * Fisher-z comparison of two correlations from independent samples, METHOD.md §3.5:
 * {@code z = (atanh(r_latest) − atanh(r_baseline)) / sqrt(1/(n_baseline − 3) + 1/(n_latest − 3))},
 * two-sided normal p-value.
 *
 * @param z negative when the latest r is below the baseline r
 * @param p two-sided p-value, 2·Φ(−|z|)
 * @param rejects p below α: the two windows do not share one r
 */
public record FisherZTest(
    double rBaseline, int nBaseline, double rLatest, int nLatest, double z, double p,
    boolean rejects) {

  /** Rejects "same r" and the latest r is the lower one: a significant fall. */
  public boolean significantFall() {
    return rejects && z < 0;
  }
}
