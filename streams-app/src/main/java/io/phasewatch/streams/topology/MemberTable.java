package io.phasewatch.streams.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A members store ({@link MemberEntries}) with the members of recently changed groups kept
 * parsed: a family is read whole on every change of one of its models (a model on every change
 * of one of its scores), and parsing every member's profile from the store each time was most of
 * the family stage's time. Writes go to
 * the store (and its changelog) first. Bounded (least recently used group out); the processor
 * clears it in {@code init}, so after a task is revived or restored it holds nothing the store
 * does not. A group of more than {@link #MAX_CACHED_MEMBERS} members (ingest's {@code unknown}
 * family can grow without bound) is not kept: it is read from the store when needed, so memory
 * stays bounded by groups × that cap.
 */
final class MemberTable<V> {
  /** The largest group kept parsed. */
  static final int MAX_CACHED_MEMBERS = 4_096;

  private final int capacity;
  private final Map<String, TreeMap<String, V>> groups;
  private KeyValueStore<String, V> store;

  MemberTable(int capacity) {
    this.capacity = capacity;
    this.groups = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TreeMap<String, V>> e) {
        return size() > MemberTable.this.capacity;
      }
    };
  }

  /** Starts over on {@code store} (a processor's {@code init}). */
  void attach(KeyValueStore<String, V> store) {
    this.store = store;
    groups.clear();
  }

  /**
   * Sets {@code member} of {@code group} to {@code value}, or removes it when {@code value} is
   * null; true when the group changed.
   */
  boolean apply(String group, String member, V value) {
    TreeMap<String, V> members = groups.get(group);
    if (members == null) {
      // not kept (or not yet): one entry read and written, as MemberEntries does it
      return MemberEntries.apply(store, group, member, value);
    }
    if (Objects.equals(members.get(member), value)) {
      return false;
    }
    String key = MemberEntries.key(group, member);
    if (value == null) {
      store.delete(key);
      members.remove(member);
    } else {
      store.put(key, value);
      members.put(member, value);
      if (members.size() > MAX_CACHED_MEMBERS) {
        groups.remove(group);
      }
    }
    return true;
  }

  /** The members of {@code group} by model id (read-only); empty when it has none. */
  Map<String, V> of(String group) {
    TreeMap<String, V> members = groups.get(group);
    if (members == null) {
      members = new TreeMap<>(MemberEntries.of(store, group));
      if (members.size() <= MAX_CACHED_MEMBERS) {
        groups.put(group, members);
      }
    }
    return Collections.unmodifiableMap(members);
  }

  /** Members kept parsed, over every group (tests: the bound). */
  int keptMembers() {
    return groups.values().stream().mapToInt(Map::size).sum();
  }
}
