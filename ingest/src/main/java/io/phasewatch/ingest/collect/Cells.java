package io.phasewatch.ingest.collect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reading numbers and dates out of source cells; a bad cell is a {@link RowProblem}. */
final class Cells {
  private Cells() {}

  /** A problem with one row, turned into a {@link Rejection} by the collector. */
  static final class RowProblem extends Exception {
    final RejectReason reason;

    RowProblem(RejectReason reason, String detail) {
      super(detail);
      this.reason = reason;
    }
  }

  static OptionalDouble number(Optional<String> cell, String column) throws RowProblem {
    if (cell.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(cell.get()));
    } catch (NumberFormatException e) {
      throw new RowProblem(RejectReason.NOT_A_NUMBER, column + " is not a number: '" + cell.get() + "'");
    }
  }

  static Optional<Integer> integer(Optional<String> cell, String column) throws RowProblem {
    OptionalDouble d = number(cell, column);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    double v = d.getAsDouble();
    if (v != Math.rint(v)) {
      throw new RowProblem(RejectReason.NOT_A_NUMBER, column + " is not a whole number: '" + cell.get() + "'");
    }
    return Optional.of((int) v);
  }

  /** An instant from ISO-8601 with or without offset or time (dates are midnight UTC). */
  static Optional<Instant> instant(Optional<String> cell, String column) throws RowProblem {
    if (cell.isEmpty()) {
      return Optional.empty();
    }
    String s = cell.get();
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException notOffset) {
      try {
        return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notLocal) {
        try {
          return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDate) {
          throw new RowProblem(RejectReason.BAD_DATE, column + " is not a date: '" + s + "'");
        }
      }
    }
  }

  static Optional<LocalDate> date(Optional<String> cell, String column) throws RowProblem {
    if (cell.isEmpty()) {
      return Optional.empty();
    }
    String s = cell.get();
    try {
      return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
    } catch (DateTimeParseException e) {
      throw new RowProblem(RejectReason.BAD_DATE, column + " is not a date: '" + s + "'");
    }
  }
}
