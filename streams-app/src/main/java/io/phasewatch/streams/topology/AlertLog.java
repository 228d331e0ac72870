package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.AlertEvent;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every alert, keyed so that the store's order is the order in which they were emitted
 * ({@link #key}): what {@code /api/alerts?since=} reads.
 */
final class AlertLog implements Processor<String, AlertEvent, Void, Void> {
  private final String storeName;
  private KeyValueStore<String, AlertEvent> log;

  AlertLog(String storeName) {
    this.storeName = storeName;
  }

  /** Zero-padded emission time in epoch milliseconds, then the id. */
  public static String key(AlertEvent e) {
    return String.format(Locale.ROOT, "%019d|%s", e.firedAt().toEpochMilli(), e.id());
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.log = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, AlertEvent> record) {
    if (record.value() != null) {
      log.put(key(record.value()), record.value());
    }
  }
}
