package io.phasewatch.streams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The keys a processor changed since it last published them, for processors that publish from a
 * punctuator every {@link #PUBLISH_EVERY} instead of once per record, so that many changes of
 * one key cost one publication. Kept in memory with the timestamp of each key's latest change,
 * and in a store with that of its first change (written once per key until published), so that
 * a commit between a change and its publication loses nothing: a restarted task publishes what
 * its store lists.
 *
 * <p>{@link #drainAll} publishes every key. {@link #drainDue} publishes a bounded number and
 * defers the changes that come from a backlog: a record stamped more than {@link #LIVE_LAG}
 * before the wall clock (a backfill, or an application that fell behind) waits until the
 * processor has caught up (no change for {@link #IDLE}) or until {@code maxDelay} after its
 * key's first change, so that a backfill costs one publication per key and recompute interval
 * instead of one per change, while a live change is published at once.
 */
final class ChangedKeys {
  /**
   * How often changed keys are published. Kafka Streams halves the number of records it
   * processes per task between punctuations whenever one ran, so publishing much more often
   * shrinks its batches; 20 ms adds little to a live score's path (each repartition hop waits
   * for a 100 ms exactly-once commit).
   */
  static final Duration PUBLISH_EVERY = Duration.ofMillis(20);

  /** A change stamped further than this behind the wall clock comes from a backlog. */
  static final Duration LIVE_LAG = Duration.ofSeconds(2);

  /**
   * A processor that saw no change for this long has caught up: its deferred keys are due. Well
   * above the 100 ms between exactly-once commits, which is how a backfill reaches a stage behind
   * a repartition topic: in bursts, one per commit upstream.
   */
  static final Duration IDLE = Duration.ofSeconds(1);

  /**
   * The most keys {@link #drainDue} publishes at once: a backfill's deferred families all come
   * due together when it ends, and diagnosing thousands in one punctuation held the stream
   * thread (and its open transaction) past the 10 s transaction timeout, which fenced it. The
   * rest follow {@link #PUBLISH_EVERY} later, the live ones first.
   */
  static final int MAX_DUE = 128;

  /** A key's latest change timestamp and when (wall clock) it was first marked. */
  private record Change(long latestTimestamp, long firstMarkedMs) {}

  /** In the order first marked, so the keys waiting longest come first. */
  private final Map<String, Change> changes = new LinkedHashMap<>();
  /** The keys with a live change among {@code changes}. */
  private final Set<String> live = new LinkedHashSet<>();
  private long lastMarkMs;
  private KeyValueStore<String, Long> store;

  /** Starts over on {@code store} (a processor's {@code init}): its keys are changed and due. */
  void attach(KeyValueStore<String, Long> store) {
    this.store = store;
    changes.clear();
    live.clear();
    lastMarkMs = 0;
    try (KeyValueIterator<String, Long> it = store.all()) {
      it.forEachRemaining(kv -> {
        changes.put(kv.key, new Change(kv.value, 0));
        live.add(kv.key);
      });
    }
  }

  /** Marks {@code key} changed by a record stamped {@code timestamp}, at wall clock {@code now}. */
  void mark(String key, long timestamp, long now) {
    Change before = changes.get(key);
    if (before == null) {
      store.put(key, timestamp);
      changes.put(key, new Change(timestamp, now));
    } else {
      changes.put(key, new Change(timestamp, before.firstMarkedMs()));
    }
    if (timestamp >= now - LIVE_LAG.toMillis()) {
      live.add(key);
    }
    lastMarkMs = now;
  }

  boolean contains(String key) {
    return changes.containsKey(key);
  }

  /**
   * Hands each changed key, in the order first changed, with the timestamp of its latest change
   * (its first, for a key from the store of a restarted task) to {@code publish}, and forgets
   * them.
   */
  void drainAll(BiConsumer<String, Long> publish) {
    drain(new ArrayList<>(changes.keySet()), publish);
  }

  /**
   * As {@link #drainAll}, for at most {@link #MAX_DUE} of the keys due at wall clock {@code
   * now}: those with a live change first, then, in the order first changed, every other key once
   * the processor is idle, else those first changed at least {@code maxDelay} ago.
   */
  void drainDue(long now, Duration maxDelay, BiConsumer<String, Long> publish) {
    boolean idle = now - lastMarkMs >= IDLE.toMillis();
    List<String> due = new ArrayList<>(Math.min(MAX_DUE, changes.size()));
    for (String key : live) {
      if (due.size() == MAX_DUE) {
        break;
      }
      due.add(key);
    }
    for (Map.Entry<String, Change> e : changes.entrySet()) {
      if (due.size() == MAX_DUE
          || !idle && now - e.getValue().firstMarkedMs() < maxDelay.toMillis()) {
        break;
      }
      if (!live.contains(e.getKey())) {
        due.add(e.getKey());
      }
    }
    drain(due, publish);
  }

  private void drain(List<String> keys, BiConsumer<String, Long> publish) {
    for (String key : keys) {
      Change change = changes.remove(key);
      live.remove(key);
      store.delete(key);
      publish.accept(key, change.latestTimestamp());
    }
  }
}
