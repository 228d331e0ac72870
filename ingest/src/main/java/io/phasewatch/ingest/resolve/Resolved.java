package io.phasewatch.ingest.resolve;

/**
 * A resolved metadata value and where it came from (a feed column, a name rule, a table), as
 * it is written into {@code ModelRecord.provenance}.
 */
public record Resolved<T>(T value, String provenance) {
  public Resolved {
    if (value == null || provenance == null) {
      throw new IllegalArgumentException("value and provenance are required");
    }
  }
}
