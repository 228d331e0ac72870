package io.phasewatch.alerts.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.core.domain.AlertKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterMetricsTest {

  @Test
  void everySeriesOfTheConfiguredSinksExistsAtZeroBeforeAnyDelivery() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new RouterMetrics(registry).registerSinks(List.of("console", "hook"));
    String scrape = registry.scrape();
    long kinds = AlertKind.values().length;
    for (String name : List.of("phasewatch_alerts_delivered_total",
        "phasewatch_alerts_failed_total", "phasewatch_alerts_retried_total")) {
      assertThat(count(scrape, name + "{")).as(name).isEqualTo(2 * kinds);
    }
    // and the dead letters of records that are no alert at all
    assertThat(count(scrape, "phasewatch_alerts_dead_lettered_total{")).isEqualTo(2 * (kinds + 1));
    assertThat(scrape)
        .contains("phasewatch_alerts_delivered_total{kind=\"family_crossed_nc\",sink=\"hook\"} 0.0")
        .contains("phasewatch_alert_delivery_seconds_count{sink=\"console\"} 0")
        .contains("phasewatch_alert_delivery_seconds_bucket{sink=\"hook\",le=\"0.1\"} 0");
  }

  private static long count(String scrape, String prefix) {
    return Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith(prefix)).count();
  }
}
