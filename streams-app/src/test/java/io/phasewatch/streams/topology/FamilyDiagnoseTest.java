package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The family processor alone, on a mock context, its punctuator fired by hand. */
class FamilyDiagnoseTest {
  private MockProcessorContext<String, Diagnosed<FamilyDiagnosis>> context;
  private FamilyDiagnose processor;

  private <V> void store(String name, Serde<V> values) {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  @BeforeEach
  void init() {
    context = new MockProcessorContext<>();
    store("members", JsonSerde.of(ModelProfile.class));
    store("last", JsonSerde.of(FamilyDiagnosis.class));
    store("nc", JsonSerde.of(FamilyNc.class));
    store("pending", Serdes.Long());
    processor = new FamilyDiagnose("members", "last", "nc", "pending", Duration.ofSeconds(30),
        new Points(BenchmarkRoles.defaults()), DiagnosisConfig.defaults().withBootstrap(200, 42),
        TopologyListener.NONE);
    processor.init(context);
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
      processor.process(new Record<>("big", MemberUpdate.join(model("big", i)), i));
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
        .as("published while below the minimum sizes").containsExactly(1, 2, 3);

    context.scheduledPunctuators().get(0).getPunctuator().punctuate(1_000);
    assertThat(pending.get("big")).isNull();
    assertThat(context.forwarded()).last().satisfies(f -> {
      assertThat(f.record().key()).isEqualTo("big");
      assertThat(f.record().value().diagnosis().n()).isEqualTo(1_200);
      assertThat(f.record().value().diagnosis().models()).hasSize(1_200);
    });
  }

  @Test
  void aModelLeavingItsFamilyAndTheLastOneLeavingRetractTheDiagnosis() {
    for (int i = 0; i < 3; i++) {
      processor.process(new Record<>("f", MemberUpdate.join(model("f", i)), i));
    }
    processor.process(new Record<>("g", MemberUpdate.join(model("g", 0)), 3));
    context.resetForwards();

    processor.process(new Record<>("f", MemberUpdate.leave("f-m2"), 4));
    assertThat(context.forwarded()).singleElement()
        .satisfies(f -> assertThat(f.record().value().diagnosis().n()).isEqualTo(2));
    processor.process(new Record<>("f", MemberUpdate.leave("f-m2"), 5));
    assertThat(context.forwarded()).as("leaving twice changes nothing").hasSize(1);

    processor.process(new Record<>("f", MemberUpdate.leave("f-m0"), 6));
    processor.process(new Record<>("f", MemberUpdate.leave("f-m1"), 7));
    assertThat(context.forwarded()).last().satisfies(f -> {
      assertThat(f.record().key()).isEqualTo("f");
      assertThat(f.record().value()).isNull();
    });
    KeyValueStore<String, ModelProfile> members = context.getStateStore("members");
    assertThat(members.get(MemberEntries.key("g", "g-m0"))).isEqualTo(model("g", 0));
  }
}
