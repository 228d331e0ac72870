package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an alert's {@code subject} names. */
public enum SubjectType {
  /** A model family (METHOD.md §1, §2), e.g. {@code Pythia}. */
  FAMILY,
  /** A pooled panel of families (METHOD.md §1.4). */
  PANEL,
  /** A frontier cohort (METHOD.md §3), e.g. {@code frontier}. */
  COHORT,
  /** A benchmark, by catalogue id. */
  BENCHMARK,
  /** One model or release, by model id. */
  MODEL,
  /** A lab within a frontier cohort (METHOD.md §3.2). */
  LAB;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive; throws {@link IllegalArgumentException} for an unknown id. */
  @JsonCreator
  public static SubjectType fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
