package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.Names.COHORT_DIRTY_STORE;
import static io.phasewatch.streams.topology.Names.COHORT_MEMBERSHIP;
import static io.phasewatch.streams.topology.Names.COHORT_MEMBERSHIP_STORE;
import static io.phasewatch.streams.topology.Names.COHORT_MEMBERS_REPARTITION;
import static io.phasewatch.streams.topology.Names.COHORT_MEMBERS_STORE;
import static io.phasewatch.streams.topology.Names.FRONTIER_DIAGNOSE;
import static io.phasewatch.streams.topology.Names.FRONTIER_DIAGNOSIS_OUT;
import static io.phasewatch.streams.topology.Names.FRONTIER_DIAGNOSIS_SINK;
import static io.phasewatch.streams.topology.Names.FRONTIER_DIAGNOSIS_STORE;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.state.Diagnosed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Stage 4: profiles in a frontier cohort (the cohorts of the model's records and scores),
 * each as the cohort scores it ({@link ModelProfile#in}: a snapshot's own figures) → {@link
 * Diagnoses#frontier} (trend, h-field, per-lab, prediction interval, saturation, rolling r) on
 * {@code phasewatch.frontier-diagnosis.v1}, recomputed at most once per {@code
 * recompute.interval} per cohort.
 */
final class FrontierStage {
  private FrontierStage() {}

  static final GroupStages.GroupNames NAMES = new GroupStages.GroupNames(COHORT_MEMBERSHIP,
      COHORT_MEMBERSHIP_STORE, COHORT_MEMBERS_REPARTITION, FRONTIER_DIAGNOSE,
      COHORT_MEMBERS_STORE, COHORT_DIRTY_STORE, FRONTIER_DIAGNOSIS_STORE);

  static KStream<String, Diagnosed<FrontierDiagnosis>> diagnoses(Wiring w,
      KStream<String, ModelProfile> changes) {
    KStream<String, Diagnosed<FrontierDiagnosis>> diagnosed = GroupStages.diagnoses(w, changes,
        NAMES,
        profile -> {
          Set<String> in = new TreeSet<>();
          for (String cohort : profile.cohortNames()) {
            if (w.points().frontierRelease(profile.in(cohort)).isPresent()) {
              in.add(cohort);
            }
          }
          return in;
        },
        FrontierDiagnosis.class, DiagnosisKind.FRONTIER, w.settings().recomputeInterval(),
        (cohort, members) -> {
          List<ModelProfile> views = members.members().values().stream()
              .map(p -> p.in(cohort)).toList();
          List<FrontierRelease> releases = views.stream()
              .map(w.points()::frontierRelease).flatMap(Optional::stream).toList();
          return new Diagnosed<>(Diagnoses.frontier(cohort, releases, w.diagnosisConfig()),
              w.points().sources(views));
        });
    diagnosed
        .mapValues(d -> d == null ? null : d.diagnosis(), Named.as(FRONTIER_DIAGNOSIS_OUT))
        .to(w.topics().frontierDiagnosis().name(),
            w.topics().frontierDiagnosis().producedAs(FRONTIER_DIAGNOSIS_SINK));
    return diagnosed;
  }
}
