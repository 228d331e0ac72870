package io.phasewatch.alerts.testing;

import io.phasewatch.alerts.delivery.DeliveryLedger;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A ledger in memory, for router tests without Kafka. */
public final class InMemoryLedger implements DeliveryLedger {
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();

  @Override
  public boolean isDelivered(String sink, String alertId) {
    return delivered.contains(sink + "|" + alertId);
  }

  @Override
  public void markDelivered(String sink, String alertId, Instant deliveredAt) {
    delivered.add(sink + "|" + alertId);
  }
}
