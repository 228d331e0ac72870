package io.phasewatch.streams.state;

import java.util.Map;
import java.util.Objects;

/**
 * A diagnosis as computed, with where each contributing score came from (model id → benchmark id
 * → feed), which the detector puts into the evidence of its alerts.
 */
public record Diagnosed<D>(D diagnosis, Map<String, Map<String, String>> sources) {
  public Diagnosed {
    Objects.requireNonNull(diagnosis, "diagnosis");
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }
}
