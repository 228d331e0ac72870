package io.phasewatch.ingest;

/** A feed could not be run at all: its location, format or configuration is unusable. */
public final class IngestException extends Exception {
  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }

  public IngestException(String message) {
    super(message);
  }
}
