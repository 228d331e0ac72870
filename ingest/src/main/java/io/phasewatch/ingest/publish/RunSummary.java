package io.phasewatch.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one run of one feed: what was published new, corrected, left unchanged and
 * retracted (for scores and models), and the rejected rows by reason.
 *
 * @param notModified the source answered "not modified": nothing was read
 * @param dryRun nothing was published and the checkpoint was left as it was
 * @param rejectedByReason every row this run rejected, by reason, including rows rejected (and
 *     sent) by earlier runs that are still broken
 * @param rejectionsSentByReason the rejections this run sent to the rejected topic, by reason:
 *     those new or changed since the checkpoint (in a dry run: those it would send). A row that
 *     stays broken is sent once, like a score that stays the same.
 */
public record RunSummary(String feed, boolean notModified, boolean dryRun, Counts scores, Counts models,
                         Map<String, Long> rejectedByReason, Map<String, Long> rejectionsSentByReason) {

  public RunSummary {
    rejectedByReason = Map.copyOf(new TreeMap<>(rejectedByReason));
    rejectionsSentByReason = Map.copyOf(new TreeMap<>(rejectionsSentByReason));
  }

  /** Keys by what happened to them. */
  public record Counts(long published, long corrected, long unchanged, long retracted) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    /** Messages sent for them. */
    public long sent() {
      return published + corrected + retracted;
    }
  }

  public long published() {
    return scores.published() + models.published();
  }

  public long corrected() {
    return scores.corrected() + models.corrected();
  }

  public long unchanged() {
    return scores.unchanged() + models.unchanged();
  }

  public long retracted() {
    return scores.retracted() + models.retracted();
  }

  public long rejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line for people: {@code feed x: published 12 (scores 10, models 2), corrected 0, …}. */
  public String line() {
    StringBuilder b = new StringBuilder("feed ").append(feed).append(": ");
    if (notModified) {
      b.append("not modified since the last run, ");
    }
    b.append(dryRun ? "would publish " : "published ").append(published())
        .append(" (scores ").append(scores.published()).append(", models ").append(models.published()).append(")")
        .append(", corrected ").append(corrected())
        .append(", unchanged ").append(unchanged())
        .append(", retracted ").append(retracted())
        .append(", rejected ").append(rejected());
    if (!rejectedByReason.isEmpty()) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(rejectedByReason).forEach((r, n) -> parts.add(r + " " + n));
      b.append(" (").append(String.join(", ", parts)).append(")");
    }
    return b.toString();
  }
}
