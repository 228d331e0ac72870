package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.Names.PANEL_DIAGNOSE;
import static io.phasewatch.streams.topology.Names.PANEL_DIAGNOSIS_OUT;
import static io.phasewatch.streams.topology.Names.PANEL_DIAGNOSIS_SINK;
import static io.phasewatch.streams.topology.Names.PANEL_DIAGNOSIS_STORE;
import static io.phasewatch.streams.topology.Names.PANEL_DIRTY_STORE;
import static io.phasewatch.streams.topology.Names.PANEL_MEMBERSHIP;
import static io.phasewatch.streams.topology.Names.PANEL_MEMBERSHIP_STORE;
import static io.phasewatch.streams.topology.Names.PANEL_MEMBERS_REPARTITION;
import static io.phasewatch.streams.topology.Names.PANEL_MEMBERS_STORE;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.config.PanelSpec;
import io.phasewatch.streams.state.Diagnosed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Stage 3: base-model profiles in the configured pooled panels (a model may be in several) →
 * {@link Diagnoses#panel} (pooled r, permutation p, bootstrap N_c with CI) on {@code
 * phasewatch.panel-diagnosis.v1}, recomputed at most once per {@code recompute.interval} per
 * panel.
 */
final class PanelStage {
  private PanelStage() {}

  static final GroupStages.GroupNames NAMES = new GroupStages.GroupNames(PANEL_MEMBERSHIP,
      PANEL_MEMBERSHIP_STORE, PANEL_MEMBERS_REPARTITION, PANEL_DIAGNOSE, PANEL_MEMBERS_STORE,
      PANEL_DIRTY_STORE, PANEL_DIAGNOSIS_STORE);

  static KStream<String, Diagnosed<PanelDiagnosis>> diagnoses(Wiring w,
      KStream<String, ModelProfile> changes) {
    List<PanelSpec> panels = w.settings().panels();
    KStream<String, Diagnosed<PanelDiagnosis>> diagnosed = GroupStages.diagnoses(w, changes,
        NAMES,
        profile -> {
          Set<String> in = new TreeSet<>();
          w.points().basePoint(profile).ifPresent(p -> panels.stream()
              .filter(spec -> spec.includes(p.family()))
              .forEach(spec -> in.add(spec.name())));
          return in;
        },
        PanelDiagnosis.class, DiagnosisKind.PANEL, w.settings().recomputeInterval(),
        (panel, members) -> {
          List<BaseModelPoint> pts = members.members().values().stream()
              .map(w.points()::basePoint).flatMap(Optional::stream).toList();
          return new Diagnosed<>(Diagnoses.panel(panel, pts, w.diagnosisConfig()),
              w.points().sources(members.members().values()));
        });
    diagnosed
        .mapValues(d -> d == null ? null : d.diagnosis(), Named.as(PANEL_DIAGNOSIS_OUT))
        .to(w.topics().panelDiagnosis().name(),
            w.topics().panelDiagnosis().producedAs(PANEL_DIAGNOSIS_SINK));
    return diagnosed;
  }
}
