package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.state.MemberUpdate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A members store ({@link MemberEntries}) with the members of recently changed groups kept
 * parsed: a family is read whole on every change of one of its models, and parsing every
 * member's profile from the store each time was most of the family stage's time. Writes go to
 * the store (and its changelog) first. Bounded (least recently used group out); the processor
 * clears it in {@code init}, so after a task is revived or restored it holds nothing the store
 * does not. A group of more than {@link #MAX_CACHED_MEMBERS} members (ingest's {@code unknown}
 * family can grow without bound) is not kept: it is read from the store when needed, so memory
 * stays bounded by groups × that cap.
 */
final class MemberTable {
  /** The largest group kept parsed. */
  static final int MAX_CACHED_MEMBERS = 4_096;

  private final int capacity;
  private final Map<String, TreeMap<String, ModelProfile>> groups;
  private KeyValueStore<String, ModelProfile> store;

  MemberTable(int capacity) {
    this.capacity = capacity;
    this.groups = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TreeMap<String, ModelProfile>> e) {
        return size() > MemberTable.this.capacity;
      }
    };
  }

  /** Starts over on {@code store} (a processor's {@code init}). */
  void attach(KeyValueStore<String, ModelProfile> store) {
    this.store = store;
    groups.clear();
  }

  /** Applies {@code update} to {@code group}; true when its members changed. */
  boolean apply(String group, MemberUpdate update) {
    TreeMap<String, ModelProfile> members = groups.get(group);
    if (members == null) {
      // not kept (or not yet): one entry read and written, as MemberEntries does it
      return MemberEntries.apply(store, group, update);
    }
    ModelProfile before = members.get(update.model());
    ModelProfile after = update.profile().orElse(null);
    if (Objects.equals(before, after)) {
      return false;
    }
    String key = MemberEntries.key(group, update.model());
    if (after == null) {
      store.delete(key);
      members.remove(update.model());
    } else {
      store.put(key, after);
      members.put(update.model(), after);
      if (members.size() > MAX_CACHED_MEMBERS) {
        groups.remove(group);
      }
    }
    return true;
  }

  /** The members of {@code group} by model id (read-only); empty when it has none. */
  Map<String, ModelProfile> of(String group) {
    TreeMap<String, ModelProfile> members = groups.get(group);
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
