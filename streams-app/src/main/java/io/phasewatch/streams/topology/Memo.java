package io.phasewatch.streams.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A write-through cache of deserialized values in front of one processor's store, for values read
 * back on every change of their key (a family's last diagnosis, its bootstrap): the store keeps
 * the bytes and the changelog, the memo spares the JSON parse. Bounded (least recently used out).
 * The processor clears it in {@code init}, so after a task is revived or restored it holds
 * nothing the store does not.
 */
final class Memo<V> {
  /** How many keys a processor keeps parsed by default (families, subjects). */
  static final int KEYS_KEPT = 4_096;

  private static final Object ABSENT = new Object();

  private final int capacity;
  private final Map<String, Object> values;
  private KeyValueStore<String, V> store;

  Memo(int capacity) {
    this.capacity = capacity;
    this.values = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
        return size() > Memo.this.capacity;
      }
    };
  }

  /** Starts over on {@code store} (a processor's {@code init}). */
  void attach(KeyValueStore<String, V> store) {
    this.store = store;
    values.clear();
  }

  @SuppressWarnings("unchecked")
  V get(String key) {
    Object v = values.get(key);
    if (v == null) {
      V read = store.get(key);
      values.put(key, read == null ? ABSENT : read);
      return read;
    }
    return v == ABSENT ? null : (V) v;
  }

  void put(String key, V value) {
    store.put(key, value);
    values.put(key, value);
  }

  void delete(String key) {
    store.delete(key);
    values.put(key, ABSENT);
  }
}
