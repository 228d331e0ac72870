package io.phasewatch.ingest.collect;

/** A source that cannot be read as its feed's format at all (as opposed to a bad row). */
public final class CollectException extends Exception {
  public CollectException(String message) {
    super(message);
  }

  public CollectException(String message, Throwable cause) {
    super(message, cause);
  }
}
