package io.phasewatch.alerts.delivery;

import java.time.Instant;

/**
 * Which alert ids each sink has already been given, kept where a restarted router (or another
 * instance of the group) finds them. The router asks before delivering and records after a
 * delivery, and commits a record's offset only after the ledger has flushed that record.
 */
public interface DeliveryLedger extends AutoCloseable {

  boolean isDelivered(String sink, String alertId);

  /**
   * Records a delivery: {@link #isDelivered} says so at once, and it is durable once the next
   * {@link #flush} returns.
   */
  void markDelivered(String sink, String alertId, Instant deliveredAt);

  /**
   * Returns when every delivery recorded so far is durable, or throws. The router calls it before
   * it commits the offsets of the alerts it delivered.
   */
  default void flush() {}

  @Override
  default void close() {}
}
