package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgently a person should look at an alert; the Alertmanager {@code severity} label. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive; throws {@link IllegalArgumentException} for an unknown id. */
  @JsonCreator
  public static Severity fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
