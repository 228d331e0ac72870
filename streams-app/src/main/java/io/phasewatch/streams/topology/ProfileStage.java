package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.Names.INPUTS_BY_MODEL;
import static io.phasewatch.streams.topology.Names.INPUTS_MERGE;
import static io.phasewatch.streams.topology.Names.MODELS_KEY_BY_MODEL;
import static io.phasewatch.streams.topology.Names.MODEL_CHANGED_STORE;
import static io.phasewatch.streams.topology.Names.MODEL_RECORDS_STORE;
import static io.phasewatch.streams.topology.Names.MODEL_SCORES_STORE;
import static io.phasewatch.streams.topology.Names.PROFILE_RESOLVE;
import static io.phasewatch.streams.topology.Names.SCORES_KEY_BY_MODEL;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.ModelInput;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Stage 1, second half: every valid score and model record (and every retraction) re-keyed by
 * its model id, both topics through one repartition topic, then kept one entry per topic key
 * and resolved into the model's {@link ModelProfile} once per batch ({@link ResolveProfile}):
 * the resolved score per benchmark (source priority, then the latest evaluation) and the record
 * to use, for the general profile and for each cohort on its own. The stream of changed profiles
 * feeds the family, panel and frontier stages.
 */
final class ProfileStage {
  private ProfileStage() {}

  static KStream<String, ModelProfile> profiles(Wiring w, KStream<String, ScoreRecord> scores,
      KStream<String, ModelRecord> models) {
    w.addStore(MODEL_SCORES_STORE, JsonSerde.internal(ScoreRecord.class));
    w.addStore(MODEL_RECORDS_STORE, JsonSerde.internal(ModelRecord.class));
    w.addStore(MODEL_CHANGED_STORE, Serdes.Long());
    KStream<String, ModelInput> scoreInputs = scores.flatMap(
        (key, score) -> byModel(ModelInput.score(key, score)), Named.as(SCORES_KEY_BY_MODEL));
    KStream<String, ModelInput> modelInputs = models.flatMap(
        (key, model) -> byModel(ModelInput.model(key, model)), Named.as(MODELS_KEY_BY_MODEL));
    return scoreInputs.merge(modelInputs, Named.as(INPUTS_MERGE))
        .repartition(Repartitioned.<String, ModelInput>as(INPUTS_BY_MODEL)
            .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.internal(ModelInput.class)))
        .process(() -> new ResolveProfile(MODEL_SCORES_STORE, MODEL_RECORDS_STORE,
                MODEL_CHANGED_STORE, w.settings().sourcePriority()),
            Named.as(PROFILE_RESOLVE), MODEL_SCORES_STORE, MODEL_RECORDS_STORE,
            MODEL_CHANGED_STORE);
  }

  /** {@code input} keyed by its model; nothing for a tombstone whose key names no model. */
  private static List<KeyValue<String, ModelInput>> byModel(ModelInput input) {
    return input.modelId().map(model -> List.of(KeyValue.pair(model, input))).orElse(List.of());
  }
}
