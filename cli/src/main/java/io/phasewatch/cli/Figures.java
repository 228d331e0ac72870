package io.phasewatch.cli;

import java.util.Locale;
import java.util.OptionalDouble;

/** Number formatting shared by the commands' reports and tables. */
public final class Figures {
  /** What a figure that is not defined prints as. */
  public static final String UNDEFINED = "—";

  private Figures() {}

  /** N in billions, or {@link #UNDEFINED}. */
  public static String billions(OptionalDouble v) {
    return v.isPresent() ? billions(v.getAsDouble()) : UNDEFINED;
  }

  /** N in billions to 3 significant figures: 0.41B, 2.12B, 30.6B, 176B. */
  public static String billions(double b) {
    if (b >= 100) {
      return String.format(Locale.ROOT, "%.0fB", b);
    }
    if (b >= 10) {
      return String.format(Locale.ROOT, "%.1fB", b);
    }
    return String.format(Locale.ROOT, "%.2fB", b);
  }
}
