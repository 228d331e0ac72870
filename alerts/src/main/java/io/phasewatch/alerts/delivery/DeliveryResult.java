package io.phasewatch.alerts.delivery;

import java.time.Duration;

/** How delivering one alert to one sink ended, retries included. */
public sealed interface DeliveryResult {

  int attempts();

  /** Accepted on attempt {@code attempts}, {@code took} after the first attempt began. */
  record Delivered(int attempts, Duration took) implements DeliveryResult {}

  /**
   * Given up: the sink rejected the alert, or the retry budget is spent.
   *
   * @param lastError the last attempt's error (HTTP status and body excerpt, timeout, ...)
   */
  record Failed(int attempts, String lastError) implements DeliveryResult {}
}
