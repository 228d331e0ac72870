package io.phasewatch.ingest.collect;

import io.phasewatch.core.domain.Scale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One score as a source row gives it, before its benchmark name is resolved to a catalogue id
 * and its value checked.
 *
 * @param benchmark the benchmark as the source names it (column name, task name, file's benchmark)
 * @param value the value as read (may still be out of range: validation follows)
 */
public record RawScore(
    String benchmark, double value, Scale scale, Optional<String> metric, OptionalInt nShot) {

  public RawScore {
    metric = metric == null ? Optional.empty() : metric;
    nShot = nShot == null ? OptionalInt.empty() : nShot;
  }

  public static RawScore of(String benchmark, double value, Scale scale, String metric, int nShot) {
    return new RawScore(benchmark, value, scale, Optional.ofNullable(metric),
        nShot < 0 ? OptionalInt.empty() : OptionalInt.of(nShot));
  }
}
