package io.phasewatch.core.detect;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A family member as the detector reads it: size, the pair's scores and the γ12 of the interval
 * that ends at it (METHOD.md §1.1; empty for the smallest model and skipped intervals).
 *
 * @param sources benchmark id to the feed its resolved score came from (evidence)
 */
public record SizedModel(
    String model, double paramsB, double b1, double b2, OptionalDouble gamma12,
    Map<String, String> sources) {
  public SizedModel {
    Objects.requireNonNull(model, "model");
    gamma12 = gamma12 == null ? OptionalDouble.empty() : gamma12;
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }
}
