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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Stage 3: base-model profiles in the configured pooled panels (a model may be in several; a
 * panel of a cohort reads the cohort's view of each model) →
 * {@link Diagnoses#panel} (pooled r, permutation p, bootstrap N_c with CI) on {@code
 * phasewatch.panel-diagnosis.v1}, recomputed at most once per {@code recompute.interval} per
 * panel.
 */
final class PanelStage {
  private PanelStage() {}

  static final GroupStages.GroupNames NAMES = new GroupStages.GroupNames(PANEL_MEMBERSHIP,
      PANEL_MEMBERSHIP_STORE, PANEL_MEMBERS_REPARTITION, PANEL_DIAGNOSE, PANEL_MEMBERS_STORE,
      PANEL_DIRTY_STORE, PANEL_DIAGNOSIS_STORE);

  /** The model as {@code spec} pools it: its cohort's view, or its general profile. */
  private static ModelProfile view(PanelSpec spec, ModelProfile profile) {
    return spec.cohort().map(profile::in).orElse(profile);
  }

  static KStream<String, Diagnosed<PanelDiagnosis>> diagnoses(Wiring w,
      KStream<String, ModelProfile> changes) {
    List<PanelSpec> panels = w.settings().panels();
    Map<String, PanelSpec> byName = new TreeMap<>();
    panels.forEach(spec -> byName.put(spec.name(), spec));
    KStream<String, Diagnosed<PanelDiagnosis>> diagnosed = GroupStages.diagnoses(w, changes,
        NAMES,
        profile -> {
          Set<String> in = new TreeSet<>();
          for (PanelSpec spec : panels) {
            w.points().basePoint(view(spec, profile))
                .filter(p -> spec.includes(p.family()))
                .filter(p -> spec.cohort().isEmpty()
                    || profile.cohortNames().contains(spec.cohort().get()))
                .ifPresent(p -> in.add(spec.name()));
          }
          return in;
        },
        PanelDiagnosis.class, DiagnosisKind.PANEL, w.settings().recomputeInterval(),
        (panel, members) -> {
          PanelSpec spec = byName.get(panel);
          List<ModelProfile> views = members.members().values().stream()
              .map(p -> spec == null ? p : view(spec, p)).toList();
          List<BaseModelPoint> pts = views.stream()
              .map(w.points()::basePoint).flatMap(Optional::stream).toList();
          return new Diagnosed<>(Diagnoses.panel(panel, pts, w.diagnosisConfig()),
              w.points().sources(views));
        });
    diagnosed
        .mapValues(d -> d == null ? null : d.diagnosis(), Named.as(PANEL_DIAGNOSIS_OUT))
        .to(w.topics().panelDiagnosis().name(),
            w.topics().panelDiagnosis().producedAs(PANEL_DIAGNOSIS_SINK));
    return diagnosed;
  }
}
