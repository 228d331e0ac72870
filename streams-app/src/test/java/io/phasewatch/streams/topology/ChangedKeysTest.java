package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which changed keys are due: live changes at once, a backlog's when the processor is idle or
 * after the maximum delay; every key once, with the timestamp of its latest change.
 */
class ChangedKeysTest {
  private static final Duration MAX_DELAY = Duration.ofSeconds(30);
  private static final long LAG = ChangedKeys.LIVE_LAG.toMillis();
  private static final long IDLE = ChangedKeys.IDLE.toMillis();

  private KeyValueStore<String, Long> store;
  private ChangedKeys keys;

  @BeforeEach
  void init() {
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    MockStores.add(context, "changed", Serdes.Long());
    store = context.getStateStore("changed");
    keys = new ChangedKeys();
    keys.attach(store);
  }

  private List<String> due(long now) {
    List<String> out = new ArrayList<>();
    keys.drainDue(now, MAX_DELAY, (key, timestamp) -> out.add(key + "@" + timestamp));
    return out;
  }

  @Test
  void aLiveChangeIsDueAtOnceAndABacklogsWaitsUntilTheProcessorIsIdle() {
    long now = 1_000_000;
    keys.mark("old", now - LAG - 1, now);
    keys.mark("fresh", now - LAG, now);
    keys.mark("fresh", now - 5, now + 1);
    assertThat(due(now + 2)).as("only the live key, with its latest change")
        .containsExactly("fresh@" + (now - 5));
    assertThat(store.get("fresh")).isNull();
    assertThat(store.get("old")).as("still listed for a restart").isEqualTo(now - LAG - 1);

    keys.mark("older", now - 2 * LAG, now + IDLE - 1);
    assertThat(due(now + IDLE)).as("the backlog still flows").isEmpty();
    assertThat(due(now + 2 * IDLE - 1)).as("idle: everything, in the order first changed")
        .containsExactly("old@" + (now - LAG - 1), "older@" + (now - 2 * LAG));
    assertThat(due(now + 3 * IDLE)).isEmpty();
    assertThat(keys.contains("old")).isFalse();
  }

  @Test
  void aBacklogKeyIsDueAfterTheMaximumDelayEvenWhileChangesKeepComing() {
    long start = 5_000_000;
    long delay = MAX_DELAY.toMillis();
    for (long t = 0; t <= delay + 100; t += 100) {
      keys.mark(t < delay / 2 ? "first" : "second", 0, start + t);
      List<String> due = due(start + t);
      if (t < delay) {
        assertThat(due).as("at %d ms", t).isEmpty();
      } else {
        assertThat(due).as("at %d ms", t).containsExactly("first@0");
        break;
      }
    }
    assertThat(keys.contains("second")).as("first changed later, still waiting").isTrue();
  }

  @Test
  void aRestartedProcessorFindsItsKeysInTheStoreAndPublishesThemFirst() {
    keys.mark("a", 10, 1_000);
    keys.mark("b", 20, 1_000);
    ChangedKeys revived = new ChangedKeys();
    revived.attach(store);
    revived.mark("c", 1_000, 1_000);
    List<String> out = new ArrayList<>();
    revived.drainDue(1_001, MAX_DELAY, (key, timestamp) -> out.add(key + "@" + timestamp));
    assertThat(out).as("the store's keys are due; the live one too")
        .containsExactlyInAnyOrder("a@10", "b@20", "c@1000");
    assertThat(store.approximateNumEntries()).isZero();
  }

  @Test
  void noMoreThanMaxDueArePublishedAtOnceLiveKeysFirst() {
    int backlog = 2 * ChangedKeys.MAX_DUE + 10;
    long now = 1_000_000;
    for (int i = 0; i < backlog; i++) {
      keys.mark(String.format("old-%04d", i), 0, now);
    }
    keys.mark("live", now, now);
    long idle = now + IDLE;
    List<String> first = due(idle);
    assertThat(first).hasSize(ChangedKeys.MAX_DUE);
    assertThat(first.get(0)).isEqualTo("live@" + now);
    assertThat(first.get(1)).as("then the oldest").isEqualTo("old-0000@0");
    assertThat(due(idle + 20)).hasSize(ChangedKeys.MAX_DUE);
    List<String> last = due(idle + 40);
    assertThat(last).hasSize(backlog + 1 - 2 * ChangedKeys.MAX_DUE)
        .last().isEqualTo(String.format("old-%04d@0", backlog - 1));
    assertThat(store.approximateNumEntries()).isZero();
  }
}
