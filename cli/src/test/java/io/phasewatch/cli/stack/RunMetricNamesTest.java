package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.alerts.metrics.RouterMetrics;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.ingest.metrics.IngestMetrics;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.metrics.PhasewatchMetrics;
import io.phasewatch.streams.topology.DiagnosisKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ExportedMetrics} (what the dashboards and rules may query) against the meters of
 * {@code phasewatch run}: the streams app's, the ingest role's and the alert router's, bound to
 * one Prometheus registry as run binds them, fed one diagnosis of each kind, and scraped. Every
 * phasewatch series scraped is listed with its labels, and every listed phasewatch name is
 * scraped. (The Kafka names are checked against a running {@code phasewatch run} by
 * {@link RunEndToEndIT}.)
 */
class RunMetricNamesTest {
  private static final DiagnosisConfig CONFIG = DiagnosisConfig.defaults().withBootstrap(200, 42);

  @Test
  void everyPhasewatchSeriesOfRunIsListedWithItsLabelsAndEveryListedNameIsExported() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PhasewatchMetrics streams = new PhasewatchMetrics(registry, new Rejections(), "test");
    new IngestMetrics(registry, "test");
    RouterMetrics router = new RouterMetrics(registry);
    router.registerSinks(List.of("console"));
    router.delivered("console", AlertKind.FAMILY_CROSSED_NC, Duration.ofMillis(3));

    List<BaseModelPoint> fam = List.of(BaseModelPoint.of("a-1b", "fam", 1, 40, 40),
        BaseModelPoint.of("a-2b", "fam", 2, 50, 38), BaseModelPoint.of("a-4b", "fam", 4, 60, 42),
        BaseModelPoint.of("a-8b", "fam", 8, 66, 45));
    streams.published(DiagnosisKind.FAMILY, "fam", Diagnoses.family("fam", fam, CONFIG));
    streams.published(DiagnosisKind.PANEL, "pooled", Diagnoses.panel("pooled", fam, CONFIG));
    List<FrontierRelease> releases = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      releases.add(new FrontierRelease("m" + i, "lab" + i % 3,
          Optional.of(LocalDate.of(2025, 1, 1).plusDays(15L * i)), 40 + 3 * i, 60 + 2 * i,
          Map.of("hle", 5.0 + i)));
    }
    streams.published(DiagnosisKind.FRONTIER, "frontier",
        Diagnoses.frontier("frontier", releases, CONFIG));
    streams.computed(DiagnosisKind.FAMILY, "fam", 1000);

    Map<String, Set<String>> scraped = ScrapedSeries.of(registry.scrape());
    Map<String, Set<String>> phasewatch = new HashMap<>();
    scraped.forEach((name, labels) -> {
      if (name.startsWith("phasewatch_")) {
        phasewatch.put(name, labels);
      }
    });
    phasewatch.forEach((name, labels) -> assertThat(ExportedMetrics.labelsOf(name))
        .as("%s in ExportedMetrics", name).hasValue(labels));
    for (String listed : ExportedMetrics.names()) {
      if (listed.startsWith("phasewatch_")) {
        boolean histogram = ExportedMetrics.labelsOf(listed).isEmpty();
        assertThat(phasewatch).as("listed %s is exported", listed)
            .containsKey(histogram ? listed + "_bucket" : listed);
      }
    }
  }
}
