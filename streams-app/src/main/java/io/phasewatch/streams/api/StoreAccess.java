package io.phasewatch.streams.api;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * How the API reaches a key-value store by name: {@code KafkaStreams#store} in the application,
 * the TopologyTestDriver's store in tests.
 */
@FunctionalInterface
public interface StoreAccess {
  /** The store, or {@link InvalidStateStoreException} while it is not queryable. */
  <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name);
}
