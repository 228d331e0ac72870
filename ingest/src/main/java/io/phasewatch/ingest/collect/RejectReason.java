package io.phasewatch.ingest.collect;

import java.util.Locale;

/**
 * Why a collector could not read a row; {@link #id()} is the {@code reason} header. Records that
 * were read but fail validation carry the codes of {@code core.validation.RejectionReason}.
 */
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
  MISSING_FIELD;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
