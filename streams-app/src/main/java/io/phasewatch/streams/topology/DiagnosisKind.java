package io.phasewatch.streams.topology;

import java.util.Locale;

/** The three diagnoses the topology keeps current. */
public enum DiagnosisKind {
  FAMILY,
  PANEL,
  FRONTIER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
