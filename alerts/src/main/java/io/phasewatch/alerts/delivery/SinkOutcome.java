package io.phasewatch.alerts.delivery;

import java.util.Optional;

/**
 * What the router did with one alert for one sink.
 *
 * @param error the last error when dead-lettered
 */
public record SinkOutcome(String sink, Status status, int attempts, Optional<String> error) {

  public enum Status {
    /** Delivered now. */
    DELIVERED,
    /** The ledger says this sink already has this alert id: not sent again. */
    ALREADY_DELIVERED,
    /** Rejected or out of retries: written to the dead-letter topic. */
    DEAD_LETTERED
  }
}
