package io.phasewatch.alerts.delivery;

import java.time.Instant;

/**
 * Which alert ids each sink has already been given, kept where a restarted router (or another
 * instance of the group) finds them. The router asks before delivering and records after a
 * delivery, and only then commits the record's offset.
 */
public interface DeliveryLedger extends AutoCloseable {

  boolean isDelivered(String sink, String alertId);

  /** Records a delivery; durable when it returns (or it throws). */
  void markDelivered(String sink, String alertId, Instant deliveredAt);

  @Override
  default void close() {}
}
