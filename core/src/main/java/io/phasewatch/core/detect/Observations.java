package io.phasewatch.core.detect;

import io.phasewatch.core.detect.FrontierObservation.ReallocationView;
import io.phasewatch.core.detect.FrontierObservation.ReleaseView;
import io.phasewatch.core.detect.FrontierObservation.SaturationView;
import io.phasewatch.core.detect.FrontierObservation.WindowView;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.diagnosis.PanelReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the diagnoses of core.diagnosis (what {@code phasewatch diagnose} prints and the topology
 * publishes) into the detector's observations. No statistic is recomputed here, except the Δh of
 * consecutive releases of a lab (METHOD.md §3.2), a difference of two published h values, which
 * the detector needs for every pair and not only those above the threshold (its dead band).
 */
public final class Observations {
  private Observations() {}

  /** The bootstrap N_c of a panel with its 95% CI, when defined. */
  public static Optional<NcEstimate> nc(PanelDiagnosis d) {
    return estimate(d.nc(), d.n());
  }

  /** The reference panel's bootstrap N_c with its 95% CI, when defined. */
  public static Optional<NcEstimate> nc(PanelReference r) {
    return estimate(r.nc(), r.n());
  }

  /** The family's own bootstrap N_c with its 95% CI, when defined. */
  public static Optional<NcEstimate> nc(FamilyDiagnosis d) {
    return estimate(d.nc(), d.n());
  }

  private static Optional<NcEstimate> estimate(Optional<PanelDiagnosis.NcBootstrap> nc, int n) {
    return nc.map(b -> new NcEstimate(b.medianB(), b.ci95B().lo(), b.ci95B().hi(), n));
  }

  public static FamilyObservation family(FamilyDiagnosis d,
      Map<String, Map<String, String>> sources, Optional<PanelReference> reference) {
    List<SizedModel> models = d.models().stream()
        .map(m -> new SizedModel(m.model(), m.paramsB(), m.b1(), m.b2(), m.gamma12(),
            sources.getOrDefault(m.model(), Map.of())))
        .toList();
    return new FamilyObservation(d.family(), models, reference.flatMap(Observations::nc),
        reference.map(PanelReference::panel).orElse(""),
        reference.flatMap(PanelReference::quadratic), nc(d));
  }

  public static PanelObservation panel(PanelDiagnosis d, Map<String, Map<String, String>> sources) {
    List<SizedModel> models = d.models().stream()
        .map(m -> new SizedModel(m.model(), m.paramsB(), m.b1(), m.b2(), OptionalDouble.empty(),
            sources.getOrDefault(m.model(), Map.of())))
        .toList();
    return new PanelObservation(d.panel(), d.n(), nc(d), models);
  }

  public static FrontierObservation frontier(FrontierDiagnosis d,
      Map<String, Map<String, String>> sources) {
    List<ReleaseView> releases = d.releases().stream()
        .map(r -> new ReleaseView(r.model(), r.lab(), r.releaseDate(), r.b1(), r.b2(), r.h(),
            r.pi95().isPresent() ? OptionalDouble.of(r.pi95().get().lo()) : OptionalDouble.empty(),
            r.pi95().isPresent() ? OptionalDouble.of(r.pi95().get().hi()) : OptionalDouble.empty()))
        .toList();
    Optional<WindowView> latest = d.rolling().latest().map(w -> new WindowView(w.r(), w.n(),
        w.firstDate(), w.lastDate(), w.b1Range(), modelsBetween(d, w.firstModel(), w.lastModel())));
    Map<String, Double> spreads = new LinkedHashMap<>();
    d.saturation().spreads().forEach(s -> s.spread().ifPresent(v -> spreads.put(s.axis(), v)));
    List<SaturationView> saturation = d.saturation().pairs().stream()
        .map(p -> new SaturationView(p.activeAxis(), p.candidateAxis(), p.sigma(),
            spreads.getOrDefault(p.activeAxis(), Double.NaN),
            spreads.getOrDefault(p.candidateAxis(), Double.NaN)))
        .toList();
    return new FrontierObservation(d.cohort(), d.n(), releases, latest, saturation,
        consecutiveReleasesOfLabs(d), sources);
  }

  /** The models from {@code first} to {@code last} in the diagnosis' release order. */
  private static List<String> modelsBetween(FrontierDiagnosis d, String first, String last) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (FrontierDiagnosis.Release r : d.releases()) {
      in = in || r.model().equals(first);
      if (in) {
        out.add(r.model());
      }
      if (r.model().equals(last)) {
        break;
      }
    }
    return out;
  }

  /** Δh between consecutive dated releases of each lab, in the diagnosis' release order. */
  private static List<ReallocationView> consecutiveReleasesOfLabs(FrontierDiagnosis d) {
    Map<String, FrontierDiagnosis.Release> previous = new LinkedHashMap<>();
    List<ReallocationView> out = new ArrayList<>();
    for (FrontierDiagnosis.Release r : d.releases()) {
      Optional<LocalDate> date = r.releaseDate();
      if (date.isEmpty() || r.h().isEmpty()) {
        continue;
      }
      FrontierDiagnosis.Release before = previous.put(r.lab(), r);
      if (before != null) {
        out.add(new ReallocationView(r.lab(), before.model(), r.model(),
            r.h().getAsDouble() - before.h().getAsDouble()));
      }
    }
    return out;
  }
}
