package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.TopologyFixture.base;
import static io.phasewatch.streams.topology.TopologyFixture.score;
import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.ModelInput;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One model's scores and records kept one entry per topic key and resolved into its profile: a
 * profile is forwarded exactly when it changed, and it is always {@link ModelProfile#resolve} of
 * the current entries.
 */
class ResolveProfileTest {
  private static final List<String> PRIORITY = List.of("primary", "secondary");

  private MockProcessorContext<String, ModelProfile> context;
  private ResolveProfile processor;

  @BeforeEach
  void init() {
    context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(0);
    MockStores.add(context, "scores", JsonSerde.internal(ScoreRecord.class));
    MockStores.add(context, "records", JsonSerde.internal(ModelRecord.class));
    MockStores.add(context, "changed", Serdes.Long());
    restart();
  }

  /** A new processor on the same stores, as a task revived after a commit. */
  private void restart() {
    processor = new ResolveProfile("scores", "records", "changed", PRIORITY);
    processor.init(context);
  }

  /** {@code input} alone in a batch: processed, then the publishing punctuator fires. */
  private List<ModelProfile> send(ModelInput input) {
    context.resetForwards();
    processor.process(new Record<>(input.modelId().orElseThrow(), input, 0L));
    processor.publish();
    return forwarded();
  }

  private List<ModelProfile> forwarded() {
    return context.forwarded().stream().map(f -> (ModelProfile) f.record().value()).toList();
  }

  private static ModelInput scoreOf(ScoreRecord s) {
    return ModelInput.score(s.key(), s);
  }

  @Test
  void aProfileAppearsWithARecordAndAScoreInEitherOrderAndChangesOnlyWhenItsResolutionDoes() {
    ModelRecord record = base("m", "f", 7);
    ScoreRecord primary = score("primary", "m", "hellaswag", 70);
    ScoreRecord secondary = score("secondary", "m", "hellaswag", 60);

    assertThat(send(scoreOf(secondary))).as("no record yet").isEmpty();
    assertThat(send(ModelInput.model(record.key(), record)))
        .containsExactly(ModelProfile.resolve(record, List.of(secondary), PRIORITY));
    assertThat(send(scoreOf(secondary))).as("re-published").isEmpty();
    assertThat(send(scoreOf(primary)))
        .containsExactly(ModelProfile.resolve(record, List.of(primary, secondary), PRIORITY));
    ScoreRecord lower = score("secondary", "m", "hellaswag", 55);
    assertThat(send(scoreOf(lower))).as("a correction the priority source hides").isEmpty();

    assertThat(send(ModelInput.score(primary.key(), null))).as("the winner retracted")
        .containsExactly(ModelProfile.resolve(record, List.of(lower), PRIORITY));
    assertThat(send(ModelInput.score(lower.key(), null))).as("the last score retracted")
        .containsExactly((ModelProfile) null);
    assertThat(send(ModelInput.score(lower.key(), null))).as("retracted twice").isEmpty();
    assertThat(send(scoreOf(primary)))
        .containsExactly(ModelProfile.resolve(record, List.of(primary), PRIORITY));
  }

  @Test
  void eachFeedsRecordIsItsOwnEntryAndRetractingTheLastRetractsTheProfile() {
    ModelRecord general = base("m", "f", 7);
    ModelRecord fromFeed = new ModelRecord(general.schemaVersion(), Optional.of("primary"),
        "m", general.name(), "f", general.paramsB(), general.dModel(), general.kind(),
        general.lab(), general.releaseDate(), general.cohorts(), general.provenance());
    ScoreRecord s = score("primary", "m", "hellaswag", 70);
    send(scoreOf(s));
    send(ModelInput.model(general.key(), general));
    ModelProfile both = ModelProfile.resolve(List.of(general, fromFeed), List.of(s), PRIORITY);
    assertThat(both.model().source()).as("the priority feed's record wins").contains("primary");
    assertThat(send(ModelInput.model(fromFeed.key(), fromFeed))).containsExactly(both);
    assertThat(send(ModelInput.model(general.key(), null))).as("the losing record retracted")
        .isEmpty();
    assertThat(send(ModelInput.model(fromFeed.key(), null))).containsExactly((ModelProfile) null);
    assertThat(send(ModelInput.model(fromFeed.key(), fromFeed)))
        .containsExactly(ModelProfile.resolve(fromFeed, List.of(s), PRIORITY));
  }

  @Test
  void aTombstoneIsRoutedByItsKeyAndOneNoRecordCanHaveIsRoutedNowhere() {
    assertThat(ModelInput.score("src|m|hellaswag", null).modelId()).contains("m");
    assertThat(ModelInput.model("src|m", null).modelId()).contains("m");
    assertThat(ModelInput.model("m", null).modelId()).contains("m");
    assertThat(ModelInput.score("nobody", null).modelId()).isEmpty();
    assertThat(ModelInput.model("a|b|c", null).modelId()).isEmpty();
  }

  @Test
  void aBatchForwardsEachChangedModelOnceWithItsLastProfileAndARestartLosesNone() {
    ModelRecord m = base("m", "f", 7);
    ModelRecord n = base("n", "f", 3);
    send(ModelInput.model(m.key(), m));
    send(ModelInput.model(n.key(), n));
    ScoreRecord m1 = score("primary", "m", "hellaswag", 70);
    ScoreRecord m2 = score("primary", "m", "truthfulqa", 40);
    ScoreRecord n1 = score("primary", "n", "hellaswag", 50);
    context.resetForwards();
    processor.process(new Record<>("m", scoreOf(m1), 10L));
    processor.process(new Record<>("n", scoreOf(n1), 11L));
    processor.process(new Record<>("m", scoreOf(m2), 12L));
    assertThat(context.forwarded()).as("nothing before the batch ends").isEmpty();
    processor.publish();
    assertThat(context.forwarded()).extracting(f -> (String) f.record().key())
        .containsExactly("m", "n");
    assertThat(forwarded()).containsExactly(
        ModelProfile.resolve(m, List.of(m1, m2), PRIORITY),
        ModelProfile.resolve(n, List.of(n1), PRIORITY));
    assertThat(context.forwarded().get(0).record().timestamp()).as("of its latest change")
        .isEqualTo(12L);
    context.resetForwards();
    processor.publish();
    assertThat(context.forwarded()).as("forwarded once").isEmpty();

    // a batch whose changes cancel out forwards nothing
    ScoreRecord corrected = score("primary", "n", "hellaswag", 51);
    processor.process(new Record<>("n", scoreOf(corrected), 20L));
    processor.process(new Record<>("n", scoreOf(n1), 21L));
    processor.publish();
    assertThat(context.forwarded()).isEmpty();

    // a commit came between a change and its batch's end: the restarted task forwards it
    processor.process(new Record<>("n", scoreOf(corrected), 30L));
    restart();
    processor.publish();
    assertThat(forwarded()).containsExactly(
        ModelProfile.resolve(n, List.of(corrected), PRIORITY));
    assertThat(context.forwarded().get(0).record().timestamp())
        .as("of its first change, all a restart knows").isEqualTo(30L);
    context.resetForwards();
    processor.publish();
    assertThat(context.forwarded()).isEmpty();
  }
}
