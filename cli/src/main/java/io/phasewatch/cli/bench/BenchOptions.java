package io.phasewatch.cli.bench;

import java.time.Duration;
import java.util.Map;

/**
 * How to run the benchmark.
 *
 * @param rate scores per second offered in the latency stage
 * @param duration length of the latency stage
 * @param drain how long to wait, after the last offered score, for its outputs
 * @param recomputeInterval the application's {@code recompute.interval.ms}
 * @param bootstrapResamples the application's {@code bootstrap.resamples}
 * @param panelFamilies how many families the pooled panel holds; 0 for every base family (the
 *     application's default panel)
 * @param settings application settings (file-form keys, e.g. {@code kafka.commit.interval.ms})
 *     applied to the reference applications and the phasewatch application alike
 * @param warmupRounds rounds of every application on a copy of the records, in topics of their
 *     own, before the measured run: the JIT compiles their code (for a minute, on two cores, the
 *     first time) as it would early in a long-running deployment; 0 measures a cold start
 */
public record BenchOptions(Workload workload, int partitions, double rate, Duration duration,
    Duration drain, Duration recomputeInterval, int bootstrapResamples, int panelFamilies,
    Map<String, String> settings, int warmupRounds) {
  public BenchOptions {
    settings = Map.copyOf(settings);
    if (partitions < 1) {
      throw new IllegalArgumentException("at least one partition, was " + partitions);
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("the offered rate must be positive, was " + rate);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the latency stage needs a positive duration");
    }
    if (warmupRounds < 0) {
      throw new IllegalArgumentException("warm-up rounds must not be negative");
    }
    if (panelFamilies < 0) {
      throw new IllegalArgumentException("panel families must not be negative");
    }
  }

  /** Base models in the pooled panel. */
  public int panelModels() {
    int families = panelFamilies == 0 ? workload.families()
        : Math.min(panelFamilies, workload.families());
    return families * workload.sizes();
  }
}
