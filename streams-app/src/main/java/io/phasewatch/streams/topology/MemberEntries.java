package io.phasewatch.streams.topology;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A members store with one entry per group and member, key {@code group} NUL {@code member}: a
 * family, pooled panel or frontier cohort and its models' profiles; a model and its current
 * scores and feed records (keyed by their topic keys). A member update writes one value, not the
 * whole group: a group held as a single value would be rewritten and
 * changelogged whole on every update, and pass Kafka's 1 MB record limit at one to two thousand
 * members (a pooled panel of every base model; ingest's {@code unknown} family). A group is read
 * back with a prefix scan. Group names cannot hold a control character (core.validation for
 * families, cohorts and model ids, configuration for panels), so one group's prefix never covers
 * another's keys.
 */
final class MemberEntries {
  private MemberEntries() {}

  static final char SEPARATOR = '\u0000';

  static String key(String group, String model) {
    return group + SEPARATOR + model;
  }

  /**
   * Sets {@code member} of {@code group} to {@code value}, or removes it when {@code value} is
   * null; true when the store changed.
   */
  static <V> boolean apply(KeyValueStore<String, V> store, String group, String member,
      V value) {
    String key = key(group, member);
    if (Objects.equals(store.get(key), value)) {
      return false;
    }
    if (value != null) {
      store.put(key, value);
    } else {
      store.delete(key);
    }
    return true;
  }

  /** The members of {@code group}, by member; empty when it has none. */
  static <V> Map<String, V> of(KeyValueStore<String, V> store, String group) {
    Map<String, V> out = new TreeMap<>();
    try (KeyValueIterator<String, V> it =
        store.prefixScan(group + SEPARATOR, new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, V> kv = it.next();
        out.put(kv.key.substring(group.length() + 1), kv.value);
      }
    }
    return out;
  }
}
