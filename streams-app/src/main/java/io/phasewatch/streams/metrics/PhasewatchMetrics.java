package io.phasewatch.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.validation.RejectionReason;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.topology.DiagnosisKind;
import io.phasewatch.streams.topology.TopologyListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The phasewatch meters, kept current from the topology's callbacks. Each gauge reads a value
 * holder that the latest published diagnosis set; an undefined statistic reads NaN (Prometheus'
 * "no value"), and a retracted family, panel or cohort removes its gauges.
 *
 * <table>
 *   <caption>Meters (Prometheus names)</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>meaning</th></tr>
 *   <tr><td>phasewatch_family_coupling</td><td>gauge</td><td>family</td><td>γ12 of the interval
 *   ending at the largest model (METHOD.md §1.1)</td></tr>
 *   <tr><td>phasewatch_family_phase</td><td>gauge</td><td>family</td><td>its phase: −1 tax, 0
 *   transition, 1 bonus (§1.2)</td></tr>
 *   <tr><td>phasewatch_family_models</td><td>gauge</td><td>family</td><td>models with both
 *   scores</td></tr>
 *   <tr><td>phasewatch_family_nc_billions</td><td>gauge</td><td>family</td><td>the family's own
 *   vertex N_c (§1.4)</td></tr>
 *   <tr><td>phasewatch_family_crossed</td><td>gauge</td><td>family</td><td>1 when the largest
 *   model is in the bonus phase and the family has a crossing interval (§2), else 0</td></tr>
 *   <tr><td>phasewatch_panel_nc_median_billions</td><td>gauge</td><td>panel</td><td>bootstrap
 *   median N_c</td></tr>
 *   <tr><td>phasewatch_panel_nc_lower_billions, _upper_billions</td><td>gauge</td><td>panel</td>
 *   <td>2.5 and 97.5 percentiles</td></tr>
 *   <tr><td>phasewatch_panel_nc_kept_resamples</td><td>gauge</td><td>panel</td><td>bootstrap
 *   resamples kept</td></tr>
 *   <tr><td>phasewatch_panel_r, phasewatch_panel_models</td><td>gauge</td><td>panel</td>
 *   <td>pooled Pearson r(B1, B2) (§1.3) and the panel's models</td></tr>
 *   <tr><td>phasewatch_frontier_r, _slope, _rolling_r, _models</td><td>gauge</td><td>cohort</td>
 *   <td>§3.1 trend, §3.5 latest rolling window, releases</td></tr>
 *   <tr><td>phasewatch_frontier_saturation_sigma</td><td>gauge</td><td>cohort, benchmark</td><td>σ
 *   of the pair {@code active/candidate} (§3.4)</td></tr>
 *   <tr><td>phasewatch_records_in_total</td><td>counter</td><td>kind</td><td>valid records read,
 *   {@code score} or {@code model}</td></tr>
 *   <tr><td>phasewatch_rejected_total</td><td>counter</td><td>reason</td><td>records sent to
 *   rejected</td></tr>
 *   <tr><td>phasewatch_alerts_total</td><td>counter</td><td>kind</td><td>alerts emitted, fired or
 *   resolved</td></tr>
 *   <tr><td>phasewatch_diagnosis_seconds</td><td>timer</td><td>kind</td><td>time to compute one
 *   family, panel or frontier diagnosis</td></tr>
 *   <tr><td>phasewatch_build_info</td><td>gauge</td><td>version</td><td>1</td></tr>
 * </table>
 */
public final class PhasewatchMetrics implements TopologyListener, AutoCloseable {
  private final MeterRegistry registry;
  private final Map<String, Holder> holders = new ConcurrentHashMap<>();
  private final Map<String, List<Meter>> metersByScope = new ConcurrentHashMap<>();
  private final Map<DiagnosisKind, Timer> timers = new ConcurrentHashMap<>();
  private final Map<AlertKind, Counter> alerts = new ConcurrentHashMap<>();
  private final Map<String, Counter> recordsIn = new ConcurrentHashMap<>();
  private final List<Meter> fixed = new ArrayList<>();

  /** A value a gauge reads. */
  private static final class Holder {
    final AtomicReference<Double> value = new AtomicReference<>(Double.NaN);

    double get() {
      return value.get();
    }
  }

  public PhasewatchMetrics(MeterRegistry registry, Rejections rejections) {
    this.registry = registry;
    List<String> reasons = new ArrayList<>();
    for (RejectionReason r : RejectionReason.values()) {
      reasons.add(r.code());
    }
    reasons.add(Rejections.REASON_PROCESSING_FAILED);
    for (String reason : reasons) {
      fixed.add(FunctionCounter.builder("phasewatch.rejected", rejections,
              r -> r.counts().getOrDefault(reason, 0L))
          .description("records sent to the rejected topic").tag("reason", reason)
          .register(registry));
    }
    for (AlertKind kind : AlertKind.values()) {
      Counter c = Counter.builder("phasewatch.alerts").description("alerts emitted")
          .tag("kind", kind.code()).register(registry);
      alerts.put(kind, c);
      fixed.add(c);
    }
    for (DiagnosisKind kind : DiagnosisKind.values()) {
      Timer t = Timer.builder("phasewatch.diagnosis").description("time to compute a diagnosis")
          .tag("kind", kind.id()).register(registry);
      timers.put(kind, t);
      fixed.add(t);
    }
    for (String kind : List.of("score", "model")) {
      Counter c = Counter.builder("phasewatch.records.in")
          .description("valid score and model records read").tag("kind", kind)
          .register(registry);
      recordsIn.put(kind, c);
      fixed.add(c);
    }
    String version = Optional.ofNullable(getClass().getPackage().getImplementationVersion())
        .orElse("dev");
    fixed.add(Gauge.builder("phasewatch.build.info", () -> 1).tag("version", version)
        .description("1, labelled with the running version").register(registry));
  }

  @Override
  public void received(String kind) {
    Counter c = recordsIn.get(kind);
    if (c != null) {
      c.increment();
    }
  }

  @Override
  public void computed(DiagnosisKind kind, String key, long nanos) {
    timers.get(kind).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void alerted(AlertEvent event) {
    alerts.get(event.kind()).increment();
  }

  @Override
  public void published(DiagnosisKind kind, String key, Object diagnosis) {
    String scope = kind.id() + "|" + key;
    if (diagnosis == null) {
      List<Meter> meters = metersByScope.remove(scope);
      if (meters != null) {
        meters.forEach(registry::remove);
      }
      holders.keySet().removeIf(k -> k.startsWith(scope + "|"));
      return;
    }
    if (diagnosis instanceof FamilyDiagnosis d) {
      Tags tags = Tags.of("family", key);
      set(scope, "phasewatch.family.coupling", tags, d.largestGamma12());
      set(scope, "phasewatch.family.phase", tags, phase(d));
      set(scope, "phasewatch.family.models", tags, OptionalDouble.of(d.n()));
      set(scope, "phasewatch.family.nc.billions", tags, d.ncB());
      boolean crossed = d.crossing().isPresent() && d.largestPhase().filter("bonus"::equals).isPresent();
      set(scope, "phasewatch.family.crossed", tags, OptionalDouble.of(crossed ? 1 : 0));
    } else if (diagnosis instanceof PanelDiagnosis d) {
      Tags tags = Tags.of("panel", key);
      set(scope, "phasewatch.panel.nc.median.billions", tags,
          d.nc().map(b -> OptionalDouble.of(b.medianB())).orElse(OptionalDouble.empty()));
      set(scope, "phasewatch.panel.nc.lower.billions", tags,
          d.nc().map(b -> OptionalDouble.of(b.ci95B().lo())).orElse(OptionalDouble.empty()));
      set(scope, "phasewatch.panel.nc.upper.billions", tags,
          d.nc().map(b -> OptionalDouble.of(b.ci95B().hi())).orElse(OptionalDouble.empty()));
      set(scope, "phasewatch.panel.nc.kept.resamples", tags,
          d.nc().map(b -> OptionalDouble.of(b.kept())).orElse(OptionalDouble.empty()));
      set(scope, "phasewatch.panel.r", tags, d.r());
      set(scope, "phasewatch.panel.models", tags, OptionalDouble.of(d.n()));
    } else if (diagnosis instanceof FrontierDiagnosis d) {
      Tags tags = Tags.of("cohort", key);
      set(scope, "phasewatch.frontier.r", tags, d.r());
      set(scope, "phasewatch.frontier.slope", tags, d.slope());
      set(scope, "phasewatch.frontier.rolling.r", tags,
          d.rolling().latest().map(FrontierDiagnosis.Window::r).orElse(OptionalDouble.empty()));
      set(scope, "phasewatch.frontier.models", tags, OptionalDouble.of(d.n()));
      for (FrontierDiagnosis.Pair p : d.saturation().pairs()) {
        set(scope, "phasewatch.frontier.saturation.sigma",
            tags.and("benchmark", p.activeAxis() + "/" + p.candidateAxis()), p.sigma());
      }
    }
  }

  private static OptionalDouble phase(FamilyDiagnosis d) {
    return d.largestPhase().map(p -> switch (p) {
      case "tax" -> OptionalDouble.of(-1);
      case "transition" -> OptionalDouble.of(0);
      case "bonus" -> OptionalDouble.of(1);
      default -> OptionalDouble.empty();
    }).orElse(OptionalDouble.empty());
  }

  private void set(String scope, String name, Tags tags, OptionalDouble value) {
    String id = scope + "|" + name + "|" + tags;
    Holder h = holders.computeIfAbsent(id, k -> {
      Holder fresh = new Holder();
      Gauge g = Gauge.builder(name, fresh, Holder::get).tags(tags).register(registry);
      metersByScope.computeIfAbsent(scope, s -> new CopyOnWriteArrayList<>())
          .add(g);
      return fresh;
    });
    h.value.set(value.isPresent() ? value.getAsDouble() : Double.NaN);
  }

  @Override
  public void close() {
    metersByScope.values().forEach(ms -> ms.forEach(registry::remove));
    metersByScope.clear();
    fixed.forEach(registry::remove);
  }
}
