package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.Names.MODELS_BY_MODEL;
import static io.phasewatch.streams.topology.Names.MODEL_RECORDS_AGGREGATE;
import static io.phasewatch.streams.topology.Names.MODEL_RECORDS_STORE;
import static io.phasewatch.streams.topology.Names.MODEL_SCORES_AGGREGATE;
import static io.phasewatch.streams.topology.Names.MODEL_SCORES_STORE;
import static io.phasewatch.streams.topology.Names.PROFILES_STORE;
import static io.phasewatch.streams.topology.Names.PROFILE_JOIN;
import static io.phasewatch.streams.topology.Names.SCORES_BY_MODEL;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.ModelRecords;
import io.phasewatch.streams.state.ModelScores;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 1, second half: every current score of a model, and every feed's record of it, gathered
 * under its model id (adders and subtractors, so corrections and retractions move them both
 * ways), then joined into a {@link ModelProfile}: the resolved score per benchmark (source
 * priority, then the latest evaluation) and the record to use, for the general profile and for
 * each cohort on its own ({@link ModelProfile#resolve}).
 */
final class ProfileStage {
  private ProfileStage() {}

  static KTable<String, ModelProfile> profiles(KTable<String, ScoreRecord> scores,
      KTable<String, ModelRecord> models, List<String> sourcePriority) {
    KTable<String, ModelScores> byModel = scores
        .groupBy((key, score) -> KeyValue.pair(score.modelId(), score),
            Grouped.with(SCORES_BY_MODEL, Serdes.String(), JsonSerde.of(ScoreRecord.class)))
        .aggregate(ModelScores::empty,
            (model, score, agg) -> agg.plus(score),
            (model, score, agg) -> agg.minus(score),
            Named.as(MODEL_SCORES_AGGREGATE),
            Materialized.<String, ModelScores, KeyValueStore<Bytes, byte[]>>as(MODEL_SCORES_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(ModelScores.class)));
    KTable<String, ModelRecords> recordsByModel = models
        .groupBy((key, model) -> KeyValue.pair(model.modelId(), model),
            Grouped.with(MODELS_BY_MODEL, Serdes.String(), JsonSerde.of(ModelRecord.class)))
        .aggregate(ModelRecords::empty,
            (model, record, agg) -> agg.plus(record),
            (model, record, agg) -> agg.minus(record),
            Named.as(MODEL_RECORDS_AGGREGATE),
            Materialized.<String, ModelRecords, KeyValueStore<Bytes, byte[]>>as(MODEL_RECORDS_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(ModelRecords.class)));
    return byModel.join(recordsByModel,
        (scoresOfModel, records) -> ModelProfile.resolve(records.records().values(),
            scoresOfModel.scores().values(), sourcePriority),
        Named.as(PROFILE_JOIN),
        Materialized.<String, ModelProfile, KeyValueStore<Bytes, byte[]>>as(PROFILES_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(ModelProfile.class)));
  }
}
