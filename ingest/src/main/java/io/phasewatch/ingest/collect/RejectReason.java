package io.phasewatch.ingest.collect;

import java.util.Locale;

/** Why a row or a score was rejected; {@link #id()} is the {@code reason} header. */
public enum RejectReason {
  /** The row does not have the shape of the format (column count, unparseable structure). */
  MALFORMED_ROW,
  /** The row names no model. */
  MISSING_MODEL,
  /** A field that must be a number is not one. */
  NOT_A_NUMBER,
  /** A date or timestamp field cannot be read. */
  BAD_DATE,
  /** A required field of the format is absent. */
  MISSING_FIELD,
  /** The benchmark is not in the catalogue. */
  UNKNOWN_BENCHMARK,
  /** The value lies outside its scale (0–100 for percent, 0–1 for fraction) or is not finite. */
  OUT_OF_RANGE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
