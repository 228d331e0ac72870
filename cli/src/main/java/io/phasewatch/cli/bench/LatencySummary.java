package io.phasewatch.cli.bench;

import io.phasewatch.core.stats.Percentiles;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Percentiles (Hyndman–Fan type 7) of latencies in milliseconds.
 *
 * @param samples latencies measured
 * @param missing publications whose diagnosis or alert never arrived before the run ended
 */
public record LatencySummary(int samples, int missing, OptionalDouble p50, OptionalDouble p95,
    OptionalDouble p99, OptionalDouble max) {

  public static LatencySummary of(double[] millis, int missing) {
    if (millis.length == 0) {
      return new LatencySummary(0, missing, OptionalDouble.empty(), OptionalDouble.empty(),
          OptionalDouble.empty(), OptionalDouble.empty());
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return new LatencySummary(n, missing, OptionalDouble.of(Percentiles.ofSorted(sorted, n, 50)),
        OptionalDouble.of(Percentiles.ofSorted(sorted, n, 95)),
        OptionalDouble.of(Percentiles.ofSorted(sorted, n, 99)), OptionalDouble.of(sorted[n - 1]));
  }
}
