package io.phasewatch.ingest.collect;

import java.util.Locale;

/**
 * A row (or one score of a row) that could not be published, with the evidence a user needs to
 * fix it. It goes to {@code phasewatch.rejected.v1}: key {@link #key()}, value the original
 * bytes, headers reason, stage, source, feed, line.
 *
 * @param line 1-based line (or record number) in the source where the row starts
 * @param key the record key the row would have had, or {@code feed|line} when it had none
 * @param original the row as it stands in the source
 * @param detail a human explanation (which column, which value)
 */
public record Rejection(RejectReason reason, Stage stage, long line, String key, String original,
                        String detail) {

  /** Where in ingest the row was stopped. */
  public enum Stage {
    /** The collector could not read the row. */
    PARSE,
    /** The row was read but a value failed a check. */
    VALIDATE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Rejection parse(RejectReason reason, long line, String feedId, String original,
                                String detail) {
    return new Rejection(reason, Stage.PARSE, line, feedId + "|" + line, original, detail);
  }
}
