package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.Names.FAMILY_AGGREGATE;
import static io.phasewatch.streams.topology.Names.FAMILY_CHANGES;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSE;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSIS_OUT;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSIS_SINK;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSIS_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_MEMBERS_FILTER;
import static io.phasewatch.streams.topology.Names.FAMILY_NC_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_PENDING_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_STATE_STORE;
import static io.phasewatch.streams.topology.Names.PROFILES_BY_FAMILY;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.FamilyMembers;
import io.phasewatch.streams.state.FamilyNc;
import io.phasewatch.streams.state.Points;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Stage 2: base-model profiles grouped by family into the family state (adder and subtractor),
 * diagnosed with {@link Diagnoses#family} (the function {@code phasewatch diagnose} calls) and
 * published on {@code phasewatch.family-diagnosis.v1} only when the diagnosis changed. Computed on
 * every change of the family, except its bootstrap N_c, which is redone only when the family's
 * sizes or B2 changed and at most once per {@code recompute.interval} ({@link FamilyDiagnose}).
 */
final class FamilyStage {
  private FamilyStage() {}

  static KStream<String, Diagnosed<FamilyDiagnosis>> diagnoses(Wiring b,
      KTable<String, ModelProfile> profiles) {
    Points points = b.points();
    DiagnosisConfig config = b.diagnosisConfig();
    KTable<String, FamilyMembers> families = profiles
        .filter((model, p) -> points.basePoint(p).isPresent(), Named.as(FAMILY_MEMBERS_FILTER))
        .groupBy((model, p) -> KeyValue.pair(p.model().family(), p),
            Grouped.with(PROFILES_BY_FAMILY, Serdes.String(), JsonSerde.of(ModelProfile.class)))
        .aggregate(FamilyMembers::empty,
            (family, p, agg) -> agg.plus(p),
            (family, p, agg) -> agg.minus(p),
            Named.as(FAMILY_AGGREGATE),
            Materialized.<String, FamilyMembers, KeyValueStore<Bytes, byte[]>>as(FAMILY_STATE_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(FamilyMembers.class)));

    b.builder().addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(FAMILY_DIAGNOSIS_STORE), Serdes.String(),
        JsonSerde.of(FamilyDiagnosis.class)));
    b.builder().addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(FAMILY_NC_STORE), Serdes.String(),
        JsonSerde.of(FamilyNc.class)));
    b.builder().addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(FAMILY_PENDING_STORE), Serdes.String(),
        JsonSerde.of(FamilyMembers.class)));
    KStream<String, Diagnosed<FamilyDiagnosis>> diagnosed = families
        .toStream(Named.as(FAMILY_CHANGES))
        .process(() -> new FamilyDiagnose(FAMILY_DIAGNOSIS_STORE, FAMILY_NC_STORE,
                FAMILY_PENDING_STORE, b.settings().recomputeInterval(), points, config,
                b.listener()),
            Named.as(FAMILY_DIAGNOSE), FAMILY_DIAGNOSIS_STORE, FAMILY_NC_STORE,
            FAMILY_PENDING_STORE);
    diagnosed
        .mapValues(d -> d == null ? null : d.diagnosis(), Named.as(FAMILY_DIAGNOSIS_OUT))
        .to(b.topics().familyDiagnosis().name(),
            b.topics().familyDiagnosis().producedAs(FAMILY_DIAGNOSIS_SINK));
    return diagnosed;
  }
}
