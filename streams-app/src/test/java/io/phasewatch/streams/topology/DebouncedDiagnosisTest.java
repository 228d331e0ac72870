package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ResolvedScore;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.GroupMembers;
import io.phasewatch.streams.state.MemberUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The debouncing processor alone, on a mock context, its punctuator fired by hand. */
class DebouncedDiagnosisTest {
  private final List<String> computedFor = new ArrayList<>();
  private MockProcessorContext<String, Diagnosed<Integer>> context;
  private DebouncedDiagnosis<Integer> processor;
  private final ManualExecutor background = new ManualExecutor();

  @BeforeEach
  void init() {
    processor = initOn(Computations.inline(), this::countMembers);
  }

  /** The diagnosis of the tests: the number of members; records which group it computed. */
  private Diagnosed<Integer> countMembers(String group, GroupMembers members) {
    computedFor.add(group);
    return new Diagnosed<>(members.members().size(), Map.of());
  }

  /** A fresh context and stores, and a processor on them computing with {@code diagnose}. */
  private DebouncedDiagnosis<Integer> initOn(Computations computations,
      BiFunction<String, GroupMembers, Diagnosed<Integer>> diagnose) {
    context = new MockProcessorContext<>();
    MockStores.add(context, "members", JsonSerde.internal(ModelProfile.class));
    MockStores.add(context, "dirty", Serdes.Long());
    MockStores.add(context, "last", Serdes.Integer());
    DebouncedDiagnosis<Integer> p = new DebouncedDiagnosis<>("members", "dirty", "last",
        Duration.ofSeconds(30), DiagnosisKind.PANEL, TopologyListener.NONE, computations,
        diagnose);
    p.init(context);
    return p;
  }

  private static ModelProfile profile(String model) {
    return ModelProfile.of(TopologyFixture.base(model, "f", 1),
        Map.of("hellaswag", new ResolvedScore(50, "primary", Optional.empty())));
  }

  /** The recompute punctuator (every 30 s); the other one collects background results. */
  private CapturedPunctuator punctuator() {
    return scheduled(Duration.ofSeconds(30));
  }

  private CapturedPunctuator collector() {
    return scheduled(DebouncedDiagnosis.COLLECT_EVERY);
  }

  private CapturedPunctuator scheduled(Duration interval) {
    assertThat(context.scheduledPunctuators()).hasSize(2)
        .allSatisfy(p -> assertThat(p.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME));
    return context.scheduledPunctuators().stream()
        .filter(p -> p.getInterval().equals(interval)).findFirst().orElseThrow();
  }

  @Test
  void inTheBackgroundAResultIsPublishedWhenCollectedAndAChangeMeanwhileKeepsTheGroupDirty() {
    processor = initOn(Computations.on(background), this::countMembers);
    KeyValueStore<String, Long> dirty = context.getStateStore("dirty");

    processor.process(new Record<>("p", MemberUpdate.join(profile("a")), 1));
    punctuator().getPunctuator().punctuate(1_000);
    assertThat(background.queued()).as("started, not run").isEqualTo(1);
    assertThat(context.forwarded()).isEmpty();
    punctuator().getPunctuator().punctuate(31_000);
    assertThat(background.queued()).as("one computation per group at a time").isEqualTo(1);

    processor.process(new Record<>("p", MemberUpdate.join(profile("b")), 2));
    background.runAll();
    assertThat(context.forwarded()).as("nothing before the collector runs").isEmpty();
    collector().getPunctuator().punctuate(31_050);
    assertThat(context.forwarded()).extracting(f -> f.record().value().diagnosis())
        .as("the snapshot taken before b joined").containsExactly(1);
    assertThat(dirty.get("p")).as("b joined during the computation").isNotNull();

    punctuator().getPunctuator().punctuate(61_000);
    background.runAll();
    collector().getPunctuator().punctuate(61_050);
    assertThat(context.forwarded()).extracting(f -> f.record().value().diagnosis())
        .containsExactly(1, 2);
    assertThat(dirty.get("p")).isNull();
    assertThat(computedFor).containsExactly("p", "p");

    processor.close();
    assertThat(background.queued()).isZero();
  }

  @Test
  void aComputationThatFailsFailsOnTheStreamThreadWhenCollected() {
    DebouncedDiagnosis<Integer> failing = initOn(Computations.on(background),
        (group, members) -> {
          throw new ArithmeticException("boom");
        });
    failing.process(new Record<>("p", MemberUpdate.join(profile("a")), 1));
    punctuator().getPunctuator().punctuate(1_000);
    background.runAll();
    assertThatThrownBy(() -> collector().getPunctuator().punctuate(1_050))
        .hasMessageContaining("computing p failed").hasRootCauseMessage("boom");
    KeyValueStore<String, Long> dirty = context.getStateStore("dirty");
    assertThat(dirty.get("p")).as("still dirty: nothing was lost").isNotNull();
  }

  @Test
  void computesEachDirtyGroupOncePerPunctuationAndForwardsOnlyChanges() {
    for (int i = 0; i < 50; i++) {
      processor.process(new Record<>("p", MemberUpdate.join(profile("m" + (i % 5))), i));
    }
    processor.process(new Record<>("q", MemberUpdate.join(profile("m0")), 60));
    assertThat(computedFor).isEmpty();
    assertThat(context.forwarded()).isEmpty();

    punctuator().getPunctuator().punctuate(1_000);
    assertThat(computedFor).containsExactly("p", "q");
    assertThat(context.forwarded()).extracting(f -> f.record().value().diagnosis())
        .containsExactly(5, 1);

    context.resetForwards();
    punctuator().getPunctuator().punctuate(31_000);
    assertThat(computedFor).hasSize(2);

    processor.process(new Record<>("p", MemberUpdate.join(profile("m1")), 70));
    punctuator().getPunctuator().punctuate(61_000);
    assertThat(computedFor).hasSize(2); // the same profile again: the group is not dirty

    processor.process(new Record<>("q", MemberUpdate.leave("m0"), 80));
    punctuator().getPunctuator().punctuate(91_000);
    assertThat(context.forwarded()).singleElement().satisfies(f -> {
      assertThat(f.record().key()).isEqualTo("q");
      assertThat(f.record().value()).isNull();
    });
  }

  @Test
  void membersSurviveBetweenPunctuations() {
    processor.process(new Record<>("p", MemberUpdate.join(profile("a")), 1));
    punctuator().getPunctuator().punctuate(1_000);
    processor.process(new Record<>("p", MemberUpdate.join(profile("b")), 2));
    punctuator().getPunctuator().punctuate(2_000);
    assertThat(context.forwarded()).extracting(f -> f.record().value().diagnosis())
        .containsExactly(1, 2);
    KeyValueStore<String, ModelProfile> members = context.getStateStore("members");
    assertThat(members.get(MemberEntries.key("p", "a"))).isEqualTo(profile("a"));
    assertThat(members.get(MemberEntries.key("p", "b"))).isEqualTo(profile("b"));
  }

  @Test
  void storesOneSmallEntryPerMemberSoALargeGroupNeverMakesALargeRecord() {
    for (int i = 0; i < 3_000; i++) {
      processor.process(new Record<>("p", MemberUpdate.join(profile("m" + i)), i));
    }
    KeyValueStore<String, ModelProfile> members = context.getStateStore("members");
    assertThat(members.approximateNumEntries()).isEqualTo(3_000);
    byte[] largest = new byte[0];
    try (var it = members.all()) {
      while (it.hasNext()) {
        byte[] bytes = JsonSerde.of(ModelProfile.class).serializer().serialize("", it.next().value);
        largest = bytes.length > largest.length ? bytes : largest;
      }
    }
    assertThat(largest.length).isLessThan(1_000);

    punctuator().getPunctuator().punctuate(1_000);
    assertThat(context.forwarded()).extracting(f -> f.record().value().diagnosis())
        .containsExactly(3_000);
  }

  @Test
  void aGroupWhoseNameStartsAnotherGroupsNameSeesOnlyItsOwnMembers() {
    processor.process(new Record<>("p", MemberUpdate.join(profile("a")), 1));
    processor.process(new Record<>("pq", MemberUpdate.join(profile("b")), 2));
    processor.process(new Record<>("pq", MemberUpdate.join(profile("c")), 3));
    punctuator().getPunctuator().punctuate(1_000);
    assertThat(context.forwarded())
        .extracting(f -> f.record().key() + "=" + f.record().value().diagnosis())
        .containsExactly("p=1", "pq=2");

    context.resetForwards();
    processor.process(new Record<>("p", MemberUpdate.leave("a"), 4));
    punctuator().getPunctuator().punctuate(31_000);
    assertThat(context.forwarded()).singleElement().satisfies(f -> {
      assertThat(f.record().key()).isEqualTo("p");
      assertThat(f.record().value()).isNull();
    });
  }
}
