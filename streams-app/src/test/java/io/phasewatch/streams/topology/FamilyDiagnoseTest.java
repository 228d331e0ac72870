package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ResolvedScore;
import io.phasewatch.streams.config.BenchmarkRoles;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.FamilyNc;
import io.phasewatch.streams.state.MemberUpdate;
import io.phasewatch.streams.state.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The family processor alone, on a mock context, its punctuators fired by hand. */
class FamilyDiagnoseTest {
  private MockProcessorContext<String, Diagnosed<FamilyDiagnosis>> context;
  private FamilyDiagnose processor;

  @BeforeEach
  void init() {
    initOn(Computations.inline());
  }

  private void initOn(Computations computations) {
    context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(0);
    MockStores.add(context, "members", JsonSerde.internal(ModelProfile.class));
    MockStores.add(context, "changed", Serdes.Long());
    MockStores.add(context, "last", JsonSerde.internal(FamilyDiagnosis.class));
    MockStores.add(context, "nc", JsonSerde.internal(FamilyNc.class));
    MockStores.add(context, "pending", Serdes.Long());
    processor = processorOn(computations);
    processor.init(context);
  }

  private static final Points POINTS = new Points(BenchmarkRoles.defaults());
  private static final DiagnosisConfig CONFIG = DiagnosisConfig.defaults().withBootstrap(200, 42);

  private static FamilyDiagnose processorOn(Computations computations) {
    return new FamilyDiagnose("members", "changed", "last", "nc", "pending",
        Duration.ofSeconds(30), POINTS, CONFIG, TopologyListener.NONE, computations);
  }

  /** {@code record} alone in a batch: processed, then the publishing punctuator fires. */
  private void send(Record<String, MemberUpdate> record) {
    processor.process(record);
    processor.publish(record.timestamp());
  }

  /** What {@code phasewatch diagnose} says of a family of {@code models}. */
  private static FamilyDiagnosis facade(String family, List<ModelProfile> models) {
    return Diagnoses.family(family,
        models.stream().map(POINTS::basePoint).flatMap(Optional::stream).toList(), CONFIG);
  }

  /** Model i of a family spread over 0.1B…32B: a TruthfulQA valley near 3B, HellaSwag rising. */
  private static ModelProfile spread(String family, int i) {
    double x = 8 + i * 0.5;
    return ModelProfile.of(TopologyFixture.base(family + "-s" + i, family, Math.pow(10, x) / 1e9),
        Map.of("hellaswag", new ResolvedScore(30 + i * 5, "primary", Optional.empty()),
            "truthfulqa", new ResolvedScore(40 + 3 * (x - 9.5) * (x - 9.5) + (i % 2) * 0.7,
                "primary", Optional.empty())));
  }

  private static ModelProfile withB2(ModelProfile p, double b2) {
    Map<String, ResolvedScore> scores = new TreeMap<>(p.scores());
    scores.put("truthfulqa", new ResolvedScore(b2, "primary", Optional.empty()));
    return ModelProfile.of(p.model(), scores);
  }

  /** Model i of a family: sizes rising, HellaSwag rising, TruthfulQA falling then rising. */
  private static ModelProfile model(String family, int i) {
    double x = 8 + i * 0.001;
    return ModelProfile.of(TopologyFixture.base(family + "-m" + i, family, Math.pow(10, x) / 1e9),
        Map.of("hellaswag", new ResolvedScore(30 + i * 0.02, "primary", Optional.empty()),
            "truthfulqa", new ResolvedScore(40 + (x - 9.5) * (x - 9.5), "primary",
                Optional.empty())));
  }

  @Test
  void aFamilyOfOverAThousandIsStoredOneSmallEntryPerModelAndDiagnosedWhole() {
    for (int i = 0; i < 1_200; i++) {
      send(new Record<>("big", MemberUpdate.join(model("big", i)), i));
    }
    KeyValueStore<String, ModelProfile> members = context.getStateStore("members");
    assertThat(members.approximateNumEntries()).isEqualTo(1_200);
    try (var it = members.all()) {
      it.forEachRemaining(kv -> assertThat(
          JsonSerde.of(ModelProfile.class).serializer().serialize("", kv.value).length)
          .isLessThan(1_000));
    }
    KeyValueStore<String, Long> pending = context.getStateStore("pending");
    assertThat(pending.get("big")).as("waits for its bootstrap, marked by a timestamp")
        .isEqualTo(3L);
    assertThat(context.forwarded()).extracting(f -> f.record().value().diagnosis().n())
        .as("published at every change up to the immediate limit")
        .containsExactlyElementsOf(IntStream.rangeClosed(1, FamilyDiagnose.IMMEDIATE_MAX_MODELS)
            .boxed().toList());
    assertThat(context.forwarded()).extracting(f -> f.record().value().diagnosis())
        .filteredOn(d -> d.n() >= 4).allSatisfy(d -> {
          assertThat(d.ncPending()).isTrue();
          assertThat(d.nc()).isEmpty();
          assertThat(d.undefined()).containsEntry("nc", FamilyDiagnose.BOOTSTRAP_PENDING);
        });

    context.scheduledPunctuators().get(0).getPunctuator().punctuate(1_000);
    assertThat(pending.get("big")).isNull();
    assertThat(context.forwarded()).last().satisfies(f -> {
      assertThat(f.record().key()).isEqualTo("big");
      assertThat(f.record().value().diagnosis().n()).isEqualTo(1_200);
      assertThat(f.record().value().diagnosis().models()).hasSize(1_200);
      assertThat(f.record().value().diagnosis().ncPending()).isFalse();
    });
  }

  @Test
  void aB2ChangeIsPublishedAtOnceWithTheLastBootstrapAndTheNewOneWhenItFinishes() {
    ManualExecutor background = new ManualExecutor();
    initOn(Computations.on(background));
    List<ModelProfile> family = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      family.add(spread("f", i));
      send(new Record<>("f", MemberUpdate.join(family.get(i)), i));
    }
    assertThat(context.forwarded()).extracting(f -> f.record().value().diagnosis().ncPending())
        .containsExactly(false, false, false, true, true, true);
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(1_000);
    assertThat(background.queued()).isEqualTo(1);
    background.runAll();
    context.resetForwards();
    context.scheduledPunctuators().get(1).getPunctuator().punctuate(1_050);
    FamilyDiagnosis first = facade("f", family);
    assertThat(first.nc()).as("the test needs a defined bootstrap").isPresent();
    assertThat(context.forwarded()).singleElement()
        .satisfies(f -> assertThat(f.record().value().diagnosis()).isEqualTo(first));

    // the largest model's TruthfulQA moves: every statistic but the bootstrap is current at once
    context.resetForwards();
    family.set(5, withB2(family.get(5), family.get(5).scores().get("truthfulqa").percent() + 3));
    send(new Record<>("f", MemberUpdate.join(family.get(5)), 10));
    FamilyDiagnosis second = facade("f", family);
    assertThat(second.largestGamma12()).isNotEqualTo(first.largestGamma12());
    assertThat(context.forwarded()).singleElement().satisfies(f -> {
      FamilyDiagnosis d = f.record().value().diagnosis();
      assertThat(d.ncPending()).isTrue();
      assertThat(d.nc()).as("the last bootstrap").isEqualTo(first.nc());
      assertThat(d.largestGamma12()).isEqualTo(second.largestGamma12());
      assertThat(d.models()).isEqualTo(second.models());
    });

    // another B2 change while its bootstrap runs: that result is kept, not published
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(31_000);
    family.set(4, withB2(family.get(4), family.get(4).scores().get("truthfulqa").percent() - 2));
    send(new Record<>("f", MemberUpdate.join(family.get(4)), 11));
    background.runAll();
    context.resetForwards();
    context.scheduledPunctuators().get(1).getPunctuator().punctuate(31_050);
    assertThat(context.forwarded()).isEmpty();
    KeyValueStore<String, Long> pending = context.getStateStore("pending");
    assertThat(pending.get("f")).isNotNull();

    context.scheduledPunctuators().get(0).getPunctuator().punctuate(61_000);
    background.runAll();
    context.scheduledPunctuators().get(1).getPunctuator().punctuate(61_050);
    assertThat(context.forwarded()).singleElement().satisfies(f ->
        assertThat(f.record().value().diagnosis()).isEqualTo(facade("f", family)));
    assertThat(pending.get("f")).isNull();
  }

  @Test
  void aModelLeavingItsFamilyAndTheLastOneLeavingRetractTheDiagnosis() {
    for (int i = 0; i < 3; i++) {
      send(new Record<>("f", MemberUpdate.join(model("f", i)), i));
    }
    send(new Record<>("g", MemberUpdate.join(model("g", 0)), 3));
    context.resetForwards();

    send(new Record<>("f", MemberUpdate.leave("f-m2"), 4));
    assertThat(context.forwarded()).singleElement()
        .satisfies(f -> assertThat(f.record().value().diagnosis().n()).isEqualTo(2));
    send(new Record<>("f", MemberUpdate.leave("f-m2"), 5));
    assertThat(context.forwarded()).as("leaving twice changes nothing").hasSize(1);

    send(new Record<>("f", MemberUpdate.leave("f-m0"), 6));
    send(new Record<>("f", MemberUpdate.leave("f-m1"), 7));
    assertThat(context.forwarded()).last().satisfies(f -> {
      assertThat(f.record().key()).isEqualTo("f");
      assertThat(f.record().value()).isNull();
    });
    KeyValueStore<String, ModelProfile> members = context.getStateStore("members");
    assertThat(members.get(MemberEntries.key("g", "g-m0"))).isEqualTo(model("g", 0));
  }

  @Test
  void theChangesOfOneBatchCostOneDiagnosisPerFamilyAndSurviveARestartBeforeItIsPublished() {
    List<ModelProfile> family = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      family.add(model("f", i));
      processor.process(new Record<>("f", MemberUpdate.join(family.get(i)), 10 + i));
    }
    processor.process(new Record<>("g", MemberUpdate.join(model("g", 0)), 20));
    assertThat(context.forwarded()).as("nothing before the batch ends").isEmpty();
    KeyValueStore<String, Long> changed = context.getStateStore("changed");
    assertThat(changed.get("f")).as("the first change of the batch").isEqualTo(10L);
    assertThat(changed.get("g")).isEqualTo(20L);

    // the task restarts from its stores: a commit came before the batch's punctuation
    processor = processorOn(Computations.inline());
    processor.init(context);
    processor.process(new Record<>("f", MemberUpdate.leave("f-m2"), 30));
    family.remove(2);
    processor.publish(1_000);
    assertThat(context.forwarded()).extracting(f -> (String) f.record().key())
        .containsExactly("f", "g");
    assertThat(context.forwarded().get(0).record().value().diagnosis())
        .isEqualTo(facade("f", family));
    assertThat(context.forwarded().get(0).record().timestamp()).as("of its latest change")
        .isEqualTo(30L);
    assertThat(context.forwarded().get(1).record().timestamp())
        .as("of its first change, all a restart knows").isEqualTo(20L);
    assertThat(context.forwarded().get(1).record().value().diagnosis())
        .isEqualTo(facade("g", List.of(model("g", 0))));
    assertThat(changed.get("f")).isNull();
    assertThat(changed.get("g")).isNull();

    context.resetForwards();
    processor.publish(1_001);
    assertThat(context.forwarded()).as("published once").isEmpty();
  }

  @Test
  void aBackfillsChangesOfAFamilyWaitUntilTheTaskIsIdleAndCostOneDiagnosis() {
    long wall = 1_000_000;
    List<ModelProfile> family = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      family.add(model("f", i));
      context.setCurrentSystemTimeMs(wall + 10 * i);
      // stamped long before the wall clock: records of a backlog
      processor.process(new Record<>("f", MemberUpdate.join(family.get(i)), i));
      processor.publish(wall + 10 * i);
    }
    assertThat(context.forwarded()).as("deferred while the backlog flows").isEmpty();
    processor.publish(wall + 20 + ChangedKeys.IDLE.toMillis());
    assertThat(context.forwarded()).hasSize(1);
    assertThat(context.forwarded().get(0).record().value().diagnosis())
        .isEqualTo(facade("f", family));
    assertThat(context.forwarded().get(0).record().timestamp()).isEqualTo(2L);
  }
}
