package io.phasewatch.core.detect;

/**
 * Every threshold the detector applies. Defaults follow METHOD.md; the margins are the dead bands
 * that keep a value near an edge from flapping.
 *
 * @param deadBand the γ12 dead band of METHOD.md §1.2/§2: tax below −deadBand, bonus above
 *     +deadBand, transition between (default 0.1)
 * @param minFamilyModels no family alert below this many models with scores (default 3: two
 *     intervals)
 * @param minPanelModels no panel alert below this many models (default 6)
 * @param minCohortReleases no frontier alert below this many releases in the cohort, or in the
 *     rolling window for decay alerts (default 8)
 * @param minWindowB1RangePp no decay alert when the window's B1 range is narrower, percentage
 *     points (METHOD.md §3.5 "coupling needs range"; default 10)
 * @param decayBelowR rolling r below which coupling has decayed (§3.5, default 0.5)
 * @param brokenBelowR rolling r below which coupling is broken (§3.5, default 0.3)
 * @param rMargin a decayed or broken cohort clears only at threshold + rMargin (default 0.05)
 * @param saturationBelowSigma σ below which the old axis no longer separates (§3.4, default 0.2)
 * @param sigmaMargin saturation clears at σ ≥ threshold + sigmaMargin (default 0.05)
 * @param reallocationAboveDh |Δh| above which a lab reallocated (§3.2, default 10)
 * @param dhMargin a reallocation clears at |Δh| ≤ threshold − dhMargin (default 1)
 * @param piMarginPp an anomalous release clears only when it lies this far inside its 95%
 *     prediction interval, percentage points (default 0.5)
 */
public record DetectorConfig(
    double deadBand,
    int minFamilyModels,
    int minPanelModels,
    int minCohortReleases,
    double minWindowB1RangePp,
    double decayBelowR,
    double brokenBelowR,
    double rMargin,
    double saturationBelowSigma,
    double sigmaMargin,
    double reallocationAboveDh,
    double dhMargin,
    double piMarginPp) {

  public DetectorConfig {
    if (!(deadBand >= 0)) {
      throw new IllegalArgumentException("deadBand must be >= 0, was " + deadBand);
    }
    if (brokenBelowR > decayBelowR) {
      throw new IllegalArgumentException("brokenBelowR must not exceed decayBelowR");
    }
    if (rMargin < 0 || sigmaMargin < 0 || dhMargin < 0 || piMarginPp < 0) {
      throw new IllegalArgumentException("margins must be >= 0");
    }
  }

  public static DetectorConfig defaults() {
    return new DetectorConfig(0.1, 3, 6, 8, 10.0, 0.5, 0.3, 0.05, 0.2, 0.05, 10.0, 1.0, 0.5);
  }

  public DetectorConfig withMinFamilyModels(int n) {
    return new DetectorConfig(deadBand, n, minPanelModels, minCohortReleases, minWindowB1RangePp,
        decayBelowR, brokenBelowR, rMargin, saturationBelowSigma, sigmaMargin, reallocationAboveDh,
        dhMargin, piMarginPp);
  }

  public DetectorConfig withMinCohortReleases(int n, double minRangePp) {
    return new DetectorConfig(deadBand, minFamilyModels, minPanelModels, n, minRangePp,
        decayBelowR, brokenBelowR, rMargin, saturationBelowSigma, sigmaMargin, reallocationAboveDh,
        dhMargin, piMarginPp);
  }
}
