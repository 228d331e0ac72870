package io.phasewatch.streams.topology;

import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.core.domain.TopicName;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.serde.Parsed;
import io.phasewatch.streams.serde.ParsedSerde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics of DESIGN.md under one prefix, each a typed {@link Topic}: the name from {@link
 * TopicName} (the one definition of topic names) with its serdes. Scores and models are read as
 * {@link Parsed} values, so validation can reject a record with its original bytes.
 */
public record Topics(
    Topic<String, Parsed<ScoreRecord>> scores,
    Topic<String, Parsed<ModelRecord>> models,
    Topic<String, byte[]> rejected,
    Topic<String, FamilyDiagnosis> familyDiagnosis,
    Topic<String, PanelDiagnosis> panelDiagnosis,
    Topic<String, FrontierDiagnosis> frontierDiagnosis,
    Topic<String, AlertEvent> alerts) {

  public static Topics withPrefix(String prefix) {
    return new Topics(
        new Topic<>(TopicName.SCORES.name(prefix), Serdes.String(),
            new ParsedSerde<>(JsonSerde.of(ScoreRecord.class))),
        new Topic<>(TopicName.MODELS.name(prefix), Serdes.String(),
            new ParsedSerde<>(JsonSerde.of(ModelRecord.class))),
        new Topic<>(TopicName.REJECTED.name(prefix), Serdes.String(), Serdes.ByteArray()),
        new Topic<>(TopicName.FAMILY_DIAGNOSIS.name(prefix), Serdes.String(),
            JsonSerde.of(FamilyDiagnosis.class)),
        new Topic<>(TopicName.PANEL_DIAGNOSIS.name(prefix), Serdes.String(),
            JsonSerde.of(PanelDiagnosis.class)),
        new Topic<>(TopicName.FRONTIER_DIAGNOSIS.name(prefix), Serdes.String(),
            JsonSerde.of(FrontierDiagnosis.class)),
        new Topic<>(TopicName.ALERTS.name(prefix), Serdes.String(),
            JsonSerde.of(AlertEvent.class)));
  }
}
