package io.phasewatch.streams.topology;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The keys a processor changed since it last published them, for processors that publish once
 * per batch (a punctuator every {@link #PUBLISH_EVERY}) instead of once per record. Kept in
 * memory with the timestamp of each key's latest change, and in a store with that of its first
 * change (written once per key and batch), so that a commit between a change and its
 * publication loses nothing: a restarted task publishes what its store lists.
 */
final class ChangedKeys {
  /**
   * How often changed keys are published: wall-clock punctuators run at most once per pass of
   * the stream thread's loop (process a batch, punctuate, commit), so this is "after every
   * batch".
   */
  static final Duration PUBLISH_EVERY = Duration.ofMillis(Long.getLong("tmp.publish.ms", 1));

  private final Map<String, Long> latest = new LinkedHashMap<>();
  private KeyValueStore<String, Long> store;

  /** Starts over on {@code store} (a processor's {@code init}): its keys are changed. */
  void attach(KeyValueStore<String, Long> store) {
    this.store = store;
    latest.clear();
    try (KeyValueIterator<String, Long> it = store.all()) {
      it.forEachRemaining(kv -> latest.put(kv.key, kv.value));
    }
  }

  /** Marks {@code key} changed at {@code timestamp}. */
  void mark(String key, long timestamp) {
    if (latest.put(key, timestamp) == null) {
      store.put(key, timestamp);
    }
  }

  boolean contains(String key) {
    return latest.containsKey(key);
  }

  /**
   * Hands each changed key, in the order first changed, with the timestamp of its latest change
   * (its first, for a key from the store of a restarted task) to {@code publish}, and forgets
   * them.
   */
  void drain(BiConsumer<String, Long> publish) {
    for (Map.Entry<String, Long> e : latest.entrySet()) {
      publish.accept(e.getKey(), e.getValue());
      store.delete(e.getKey());
    }
    latest.clear();
  }
}
