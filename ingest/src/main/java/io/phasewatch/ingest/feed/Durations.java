package io.phasewatch.ingest.feed;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in feed files and on the command line. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Reads {@code 500ms}, {@code 30s}, {@code 5m}, {@code 6h}, {@code 1d}, or ISO-8601
   * ({@code PT6H}).
   *
   * @throws IllegalArgumentException for anything else, or a duration that is not positive
   */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration d;
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } else {
      try {
        d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "not a duration: '" + text + "' (use e.g. 30s, 5m, 6h, 1d or PT6H)");
      }
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("duration must be positive: '" + text + "'");
    }
    return d;
  }
}
