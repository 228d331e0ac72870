package io.phasewatch.alerts.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * An alert (or an unreadable record) a sink could not take.
 *
 * @param key the input record's key (the subject), if it had one
 * @param value the input record's value, byte for byte, so it can be re-published as it was
 * @param sink the sink that failed, or {@link AlertRouter#UNREADABLE_SINK}
 * @param alertId the alert's id when the record could be read
 * @param error the last error
 * @param attempts attempts made (0 for an unreadable record)
 */
public record DeadLetter(
    Optional<String> key, byte[] value, String sink, Optional<String> alertId, String error,
    int attempts, Instant failedAt) {

  public DeadLetter {
    key = key == null ? Optional.empty() : key;
    value = value == null ? new byte[0] : value.clone();
    alertId = alertId == null ? Optional.empty() : alertId;
  }

  @Override
  public byte[] value() {
    return value.clone();
  }
}
