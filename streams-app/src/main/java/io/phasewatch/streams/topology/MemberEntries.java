package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.state.MemberUpdate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A members store with one entry per group (family, pooled panel, frontier cohort) and member,
 * key {@code group} NUL {@code model}, value the member's profile. A member update writes one
 * profile, not the whole group: a group held as a single value would be rewritten and
 * changelogged whole on every update, and pass Kafka's 1 MB record limit at one to two thousand
 * members (a pooled panel of every base model; ingest's {@code unknown} family). A group is read
 * back with a prefix scan. Group names cannot hold a control character (core.validation for
 * families and cohorts, configuration for panels), so one group's prefix never covers another's
 * keys.
 */
final class MemberEntries {
  private MemberEntries() {}

  static final char SEPARATOR = '\u0000';

  static String key(String group, String model) {
    return group + SEPARATOR + model;
  }

  /** Applies {@code update} to {@code group}; true when the store changed. */
  static boolean apply(KeyValueStore<String, ModelProfile> store, String group,
      MemberUpdate update) {
    String key = key(group, update.model());
    ModelProfile before = store.get(key);
    if (Objects.equals(before, update.profile().orElse(null))) {
      return false;
    }
    if (update.profile().isPresent()) {
      store.put(key, update.profile().get());
    } else {
      store.delete(key);
    }
    return true;
  }

  /** The members of {@code group}, by model id; empty when it has none. */
  static Map<String, ModelProfile> of(KeyValueStore<String, ModelProfile> store, String group) {
    Map<String, ModelProfile> out = new TreeMap<>();
    try (KeyValueIterator<String, ModelProfile> it =
        store.prefixScan(group + SEPARATOR, new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, ModelProfile> kv = it.next();
        out.put(kv.key.substring(group.length() + 1), kv.value);
      }
    }
    return out;
  }
}
