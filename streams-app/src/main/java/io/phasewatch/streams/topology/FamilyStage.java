package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.Names.FAMILY_CHANGED_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSE;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSIS_OUT;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSIS_SINK;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSIS_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_MEMBERSHIP;
import static io.phasewatch.streams.topology.Names.FAMILY_MEMBERSHIP_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_MEMBERS_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_NC_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_PENDING_STORE;
import static io.phasewatch.streams.topology.Names.PROFILES_BY_FAMILY;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.FamilyNc;
import io.phasewatch.streams.state.MemberUpdate;
import io.phasewatch.streams.state.Memberships;
import io.phasewatch.streams.state.Points;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Stage 2: base-model profiles fanned out to their family ({@link Membership}: a join or update
 * for the family a model is in now, a leave for the one it was in before, so corrections and
 * retractions move the family both ways), repartitioned by family, kept one entry per family and
 * model ({@link MemberEntries}), diagnosed with {@link Diagnoses#family} (the function {@code
 * phasewatch diagnose} calls) and published on {@code phasewatch.family-diagnosis.v1} only when
 * the diagnosis changed. Computed after every batch of records that changed the family (once
 * per batch, however many of its scores the batch held), except its bootstrap N_c, which
 * is redone only when the family's sizes or B2 changed and at most once per {@code
 * recompute.interval} ({@link FamilyDiagnose}).
 */
final class FamilyStage {
  private FamilyStage() {}

  static KStream<String, Diagnosed<FamilyDiagnosis>> diagnoses(Wiring b,
      KStream<String, ModelProfile> changes) {
    Points points = b.points();
    DiagnosisConfig config = b.diagnosisConfig();
    b.addStore(FAMILY_MEMBERSHIP_STORE, JsonSerde.internal(Memberships.class));
    b.addStore(FAMILY_MEMBERS_STORE, JsonSerde.internal(ModelProfile.class));
    b.addStore(FAMILY_CHANGED_STORE, Serdes.Long());
    b.addStore(FAMILY_DIAGNOSIS_STORE, JsonSerde.internal(FamilyDiagnosis.class));
    b.addStore(FAMILY_NC_STORE, JsonSerde.internal(FamilyNc.class));
    b.addStore(FAMILY_PENDING_STORE, Serdes.Long());
    KStream<String, Diagnosed<FamilyDiagnosis>> diagnosed = changes
        .process(() -> new Membership(FAMILY_MEMBERSHIP_STORE,
                p -> points.basePoint(p).isPresent() ? Set.of(p.model().family()) : Set.of()),
            Named.as(FAMILY_MEMBERSHIP), FAMILY_MEMBERSHIP_STORE)
        .repartition(Repartitioned.<String, MemberUpdate>as(PROFILES_BY_FAMILY)
            .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.internal(MemberUpdate.class)))
        .process(() -> new FamilyDiagnose(FAMILY_MEMBERS_STORE, FAMILY_CHANGED_STORE,
                FAMILY_DIAGNOSIS_STORE, FAMILY_NC_STORE, FAMILY_PENDING_STORE,
                b.settings().recomputeInterval(), points, config, b.listener(),
                b.computations()),
            Named.as(FAMILY_DIAGNOSE), FAMILY_MEMBERS_STORE, FAMILY_CHANGED_STORE,
            FAMILY_DIAGNOSIS_STORE, FAMILY_NC_STORE, FAMILY_PENDING_STORE);
    diagnosed
        .mapValues(d -> d == null ? null : d.diagnosis(), Named.as(FAMILY_DIAGNOSIS_OUT))
        .to(b.topics().familyDiagnosis().name(),
            b.topics().familyDiagnosis().producedAs(FAMILY_DIAGNOSIS_SINK));
    return diagnosed;
  }
}
