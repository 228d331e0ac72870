package io.phasewatch.streams.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** In-memory stores for a processor tested alone on a {@link MockProcessorContext}. */
final class MockStores {
  private MockStores() {}

  /** Adds an in-memory, unlogged store {@code name} of string keys to {@code context}. */
  static <V> void add(MockProcessorContext<?, ?> context, String name, Serde<V> values) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }
}
