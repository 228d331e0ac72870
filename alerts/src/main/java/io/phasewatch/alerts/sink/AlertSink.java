package io.phasewatch.alerts.sink;

import io.phasewatch.core.domain.AlertEvent;

/**
 * One destination. {@link #attempt} tries once and says how it went; it does not retry and it
 * does not throw for a failed delivery (only when interrupted).
 */
public interface AlertSink extends AutoCloseable {

  /** The configured name, used in metrics ({@code sink} tag), the ledger and dead letters. */
  String name();

  Attempt attempt(AlertEvent alert) throws InterruptedException;

  @Override
  default void close() {}
}
