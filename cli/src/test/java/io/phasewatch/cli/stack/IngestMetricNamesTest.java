package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.ingest.metrics.IngestMetrics;
import io.phasewatch.ingest.publish.RunSummary;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ingest role's names in {@link ExportedMetrics} (what the dashboards may query) are what its
 * meters really export: {@link IngestMetrics} bound to a Prometheus registry and scraped.
 */
class IngestMetricNamesTest {
  @Test
  void everySeriesIngestExportsIsListedWithItsLabelsAndEveryListedIngestNameIsExported() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    IngestMetrics metrics = new IngestMetrics(registry, "test");
    metrics.recordRun(new RunSummary("f", false, false, new RunSummary.Counts(1, 0, 0, 0), RunSummary.Counts.ZERO,
        Map.of("not_a_number", 1L), Map.of("not_a_number", 1L)), Duration.ofMillis(5));
    metrics.recordFailure(Duration.ofMillis(5));

    Map<String, Set<String>> scraped = ScrapedSeries.of(registry.scrape());

    assertThat(scraped).isNotEmpty();
    scraped.forEach((name, labels) -> assertThat(ExportedMetrics.labelsOf(name))
        .as("%s in ExportedMetrics", name).hasValue(labels));
    Set<String> listedIngest = new TreeSet<>();
    ExportedMetrics.names().stream().filter(n -> n.startsWith("phasewatch_ingest_")).forEach(listedIngest::add);
    assertThat(listedIngest).isNotEmpty();
    assertThat(scraped.keySet()).containsAll(listedIngest)
        .contains("phasewatch_rejected_total", "phasewatch_build_info");
  }
}
