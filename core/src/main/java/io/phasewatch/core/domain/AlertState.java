package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which end of a condition an alert announces. Every alert is resolved as well as fired, so
 * Alertmanager and webhooks see both ends (DESIGN.md "Alert kinds").
 */
public enum AlertState {
  FIRED,
  RESOLVED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive; throws {@link IllegalArgumentException} for an unknown id. */
  @JsonCreator
  public static AlertState fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
