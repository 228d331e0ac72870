package io.phasewatch.ingest.resolve;

import io.phasewatch.ingest.collect.SourceRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which of several rows for one model (or one model and benchmark) a feed's record comes from:
 * full precision over quantised (16/32-bit or unstated, then 8-bit, then 4-bit, GPTQ, AWQ,
 * GGUF), then the latest evaluation (a row with a date over one without), then the first row
 * in the source. The v1 leaderboard, for example, has a row per precision and re-evaluation.
 */
public final class DuplicateRule {
  /** Human statement of the rule, for provenance. */
  public static final String STATEMENT = "full precision over quantised, then latest evaluation, then first row";

  private static final Pattern EIGHT_BIT = Pattern.compile("8.?bit|int8|fp8");
  private static final Pattern LOWER = Pattern.compile("4.?bit|int4|gptq|awq|gguf|[23].?bit|nf4");

  /** Best row first. */
  public static final Comparator<SourceRow> ORDER = Comparator
      .comparingInt(DuplicateRule::quantisationRank)
      .thenComparing((SourceRow r) -> r.evaluatedAt().orElse(Instant.MIN), Comparator.reverseOrder())
      .thenComparingLong(SourceRow::line);

  private DuplicateRule() {}

  /** 0 for full precision (or unstated), 1 for 8-bit, 2 for lower. */
  static int quantisationRank(SourceRow row) {
    String p = row.precision().orElse("").toLowerCase(Locale.ROOT);
    if (LOWER.matcher(p).find()) {
      return 2;
    }
    return EIGHT_BIT.matcher(p).find() ? 1 : 0;
  }
}
