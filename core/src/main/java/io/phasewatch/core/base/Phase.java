package io.phasewatch.core.base;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The phase of a model from its local coupling γ12 (METHOD.md §1.2). {@link #DEEP_TAX} and {@link
 * #DEEP_BONUS} appear only when a {@link PhaseRule} configures their thresholds.
 */
public enum Phase {
  DEEP_TAX,
  TAX,
  TRANSITION,
  BONUS,
  DEEP_BONUS;

  /** The snake_case name used in JSON and alerts: {@code tax}, {@code deep_bonus}, … */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The three-phase view: deep tax is tax, deep bonus is bonus. */
  public Phase coarse() {
    return switch (this) {
      case DEEP_TAX -> TAX;
      case DEEP_BONUS -> BONUS;
      default -> this;
    };
  }
}
