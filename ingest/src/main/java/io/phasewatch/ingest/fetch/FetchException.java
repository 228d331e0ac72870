package io.phasewatch.ingest.fetch;

/** A feed's location could not be read (after any retries). */
public final class FetchException extends Exception {
  public FetchException(String message) {
    super(message);
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
