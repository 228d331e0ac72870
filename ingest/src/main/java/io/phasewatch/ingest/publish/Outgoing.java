package io.phasewatch.ingest.publish;

import java.util.Map;
import java.util.Optional;

/**
 * One message a run sends: which topic, its key, its value (empty for a tombstone), headers,
 * and what kind of change it is.
 */
public record Outgoing(Destination destination, String key, Optional<byte[]> value,
                       Map<String, String> headers, Change change) {

  public Outgoing {
    headers = Map.copyOf(headers);
  }

  /** Which of the ingest topics. */
  public enum Destination { SCORES, MODELS, REJECTED }

  /** Why it is sent. */
  public enum Change {
    /** A key this feed never published. */
    NEW,
    /** A key whose content changed since the last run. */
    CORRECTED,
    /** A tombstone: the key vanished from an authoritative feed. */
    RETRACTED,
    /** A rejected row not sent before. */
    REJECTED
  }
}
