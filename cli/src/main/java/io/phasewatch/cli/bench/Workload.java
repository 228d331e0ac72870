package io.phasewatch.cli.bench;

/**
 * The size of a synthetic leaderboard: {@code families} base-model families of {@code sizes}
 * sizes each, and {@code cohorts} frontier cohorts of {@code cohortSize} releases each.
 *
 * @param seed every value of the leaderboard follows from it
 */
public record Workload(int families, int sizes, int cohorts, int cohortSize, long seed) {
  public Workload {
    if (families < 1) {
      throw new IllegalArgumentException("at least one family, was " + families);
    }
    if (sizes < 3) {
      throw new IllegalArgumentException("at least 3 sizes per family (γ12 needs two intervals), was "
          + sizes);
    }
    if (cohorts < 0 || cohortSize < 0) {
      throw new IllegalArgumentException("cohorts and cohort size must not be negative");
    }
    if (cohorts > 0 && cohortSize < 3) {
      throw new IllegalArgumentException("a cohort needs at least 3 releases, was " + cohortSize);
    }
    if ((long) families * sizes + (long) cohorts * cohortSize > 10_000_000L) {
      throw new IllegalArgumentException("more than 10 million models");
    }
  }

  public int baseModels() {
    return families * sizes;
  }

  public int releases() {
    return cohorts * cohortSize;
  }

  public int models() {
    return baseModels() + releases();
  }

  /** Score records: one per base model and base benchmark, one per release and frontier one. */
  public long scores() {
    return (long) baseModels() * SyntheticLeaderboard.BASE_BENCHMARKS.size()
        + (long) releases() * SyntheticLeaderboard.FRONTIER_BENCHMARKS.size();
  }

  /** Model and score records together. */
  public long records() {
    return models() + scores();
  }
}
