package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of checkpoint a model is; only base models enter the base-model analysis (§1). */
public enum ModelKind {
  BASE,
  INSTRUCT,
  CHAT,
  MERGE,
  UNKNOWN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ModelKind fromId(String id) {
    if (id == null || id.isBlank()) {
      return UNKNOWN;
    }
    try {
      return valueOf(id.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
