package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ResolvedScore;
import io.phasewatch.streams.serde.JsonSerde;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parsed members in front of a members store: always what the store holds, and bounded. */
class MemberTableTest {
  private KeyValueStore<String, ModelProfile> store;

  @BeforeEach
  void init() {
    MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    MockStores.add(context, "members", JsonSerde.internal(ModelProfile.class));
    store = context.getStateStore("members");
  }

  private static ModelProfile profile(String model, double hellaswag) {
    return ModelProfile.of(TopologyFixture.base(model, "f", 1),
        Map.of("hellaswag", new ResolvedScore(hellaswag, "primary", Optional.empty())));
  }

  @Test
  void joinsUpdatesAndLeavesReachTheStoreAndTheParsedGroupAlike() {
    MemberTable<ModelProfile> table = new MemberTable<>(10);
    table.attach(store);
    assertThat(table.apply("f", "a", profile("a", 50))).isTrue();
    assertThat(table.of("f")).containsOnlyKeys("a");
    assertThat(table.apply("f", "b", profile("b", 51))).isTrue();
    assertThat(table.apply("f", "b", profile("b", 51))).as("the same again")
        .isFalse();
    assertThat(table.apply("f", "a", profile("a", 60))).isTrue();
    assertThat(table.apply("f", "b", null)).isTrue();
    assertThat(table.apply("f", "b", null)).as("left twice").isFalse();

    assertThat(table.of("f")).isEqualTo(MemberEntries.of(store, "f"))
        .containsExactly(Map.entry("a", profile("a", 60)));
    assertThat(table.keptMembers()).isEqualTo(1);

    table.attach(store);
    assertThat(table.keptMembers()).as("attach starts over").isZero();
    assertThat(table.of("f")).isEqualTo(MemberEntries.of(store, "f"));
  }

  @Test
  void aGroupOverTheCapIsReadFromTheStoreAndNotKept() {
    MemberTable<ModelProfile> table = new MemberTable<>(10);
    table.attach(store);
    int n = MemberTable.MAX_CACHED_MEMBERS + 5;
    for (int i = 0; i < n; i++) {
      table.apply("unknown", "m" + i, profile("m" + i, 40));
      if (i == 10) {
        assertThat(table.of("unknown")).hasSize(11);
        assertThat(table.keptMembers()).isEqualTo(11);
      }
    }
    assertThat(table.keptMembers()).isZero();
    assertThat(table.of("unknown")).hasSize(n).isEqualTo(MemberEntries.of(store, "unknown"));
    assertThat(table.keptMembers()).as("still not kept after reading it").isZero();

    assertThat(table.apply("unknown", "m0", null)).isTrue();
    assertThat(table.apply("unknown", "m1", profile("m1", 40))).isFalse();
    assertThat(MemberEntries.of(store, "unknown")).hasSize(n - 1).doesNotContainKey("m0");
  }

  @Test
  void keepsAtMostCapacityGroupsTheLeastRecentlyUsedOut() {
    MemberTable<ModelProfile> table = new MemberTable<>(2);
    table.attach(store);
    for (String group : new String[] {"f", "g", "h"}) {
      table.apply(group, group + "-a", profile(group + "-a", 50));
      table.of(group);
    }
    assertThat(table.keptMembers()).isEqualTo(2);
    assertThat(table.of("f")).as("read back from the store").containsOnlyKeys("f-a");
  }
}
