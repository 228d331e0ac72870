package io.phasewatch.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a benchmark measures. Which benchmark plays B1 or B2 of an analysis is a separate choice
 * ({@link BenchmarkPair}): METHOD.md §1 calls HellaSwag, a commonsense benchmark, the "reasoning"
 * axis of the base pair.
 */
public enum BenchmarkRole {
  REASONING,
  TRUTHFULNESS,
  KNOWLEDGE,
  COMMONSENSE,
  MATH,
  CODING,
  INSTRUCTION_FOLLOWING;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive; throws {@link IllegalArgumentException} for an unknown id. */
  @JsonCreator
  public static BenchmarkRole fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
