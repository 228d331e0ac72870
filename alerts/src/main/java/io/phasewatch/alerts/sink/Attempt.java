package io.phasewatch.alerts.sink;

import java.time.Duration;
import java.util.Optional;

/** The outcome of one delivery attempt. */
public sealed interface Attempt {

  /** The destination accepted the alert. */
  record Delivered() implements Attempt {}

  /**
   * A failure worth retrying: 5xx, 429, a timeout, a refused or reset connection.
   *
   * @param retryAfter what the receiver asked for with {@code Retry-After}, if it did
   */
  record Retryable(String error, Optional<Duration> retryAfter) implements Attempt {}

  /** A failure that retrying cannot fix: a 4xx other than 429, a payload the sink cannot build. */
  record Rejected(String error) implements Attempt {}

  static Attempt delivered() {
    return new Delivered();
  }

  static Attempt retryable(String error) {
    return new Retryable(error, Optional.empty());
  }

  static Attempt rejected(String error) {
    return new Rejected(error);
  }
}
