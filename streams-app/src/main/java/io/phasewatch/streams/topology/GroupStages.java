package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.GroupMembers;
import io.phasewatch.streams.state.MemberUpdate;
import io.phasewatch.streams.state.Memberships;
import java.time.Duration;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The shape shared by the panel and frontier stages: profiles fanned out to their groups
 * ({@link Membership}), repartitioned by group, and diagnosed per group at a bounded rate
 * ({@link DebouncedDiagnosis}).
 */
final class GroupStages {
  private GroupStages() {}

  /** The names of one group stage's operators, stores and repartition topic. */
  record GroupNames(String membership, String membershipStore, String repartition,
      String diagnose, String membersStore, String dirtyStore, String lastStore) {}

  static <D> KStream<String, Diagnosed<D>> diagnoses(Wiring w,
      KStream<String, ModelProfile> changes, GroupNames names,
      Function<ModelProfile, Set<String>> groupsOf, Class<D> type, DiagnosisKind kind,
      Duration interval, BiFunction<String, GroupMembers, Diagnosed<D>> diagnose) {
    Serde<String> keys = Serdes.String();
    w.addStore(names.membershipStore(), JsonSerde.internal(Memberships.class));
    w.addStore(names.membersStore(), JsonSerde.internal(ModelProfile.class));
    w.addStore(names.dirtyStore(), Serdes.Long());
    w.addStore(names.lastStore(), JsonSerde.internal(type));
    return changes
        .process(() -> new Membership(names.membershipStore(), groupsOf),
            Named.as(names.membership()), names.membershipStore())
        .repartition(Repartitioned.<String, MemberUpdate>as(names.repartition())
            .withKeySerde(keys).withValueSerde(JsonSerde.internal(MemberUpdate.class)))
        .process(() -> new DebouncedDiagnosis<D>(names.membersStore(), names.dirtyStore(),
                names.lastStore(), interval, kind, w.listener(), w.computations(), diagnose),
            Named.as(names.diagnose()), names.membersStore(), names.dirtyStore(),
            names.lastStore());
  }
}
