package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The scale a score is published on. METHOD.md works in percent. */
public enum Scale {
  PERCENT(100.0),
  FRACTION(1.0);

  private final double max;

  Scale(double max) {
    this.max = max;
  }

  public double max() {
    return max;
  }

  public double toPercent(double value) {
    return value * (100.0 / max);
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Scale fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
