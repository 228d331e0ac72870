package io.phasewatch.cli.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Prometheus names the dashboards may query, each with the labels it carries: the one list
 * the dashboard checks read.
 *
 * <p>Keep in sync with the app's meters (README "Metrics"; the meter names of the streams app
 * and the alert router). The phasewatch names are the working contract's; the lead means to
 * check them against the app's own meter registry once {@code phasewatch run} exists. The Kafka
 * names are what Micrometer 1.17.2's {@code KafkaStreamsMetrics} exports for Kafka Streams
 * 4.4.0 (bound to a {@code PrometheusMeterRegistry} and scraped; docs/DEPLOY.md lists them).
 */
final class ExportedMetrics {
  /** Labels Prometheus adds to every scraped series (prometheus/prometheus*.yml). */
  static final Set<String> TARGET_LABELS = Set.of("job", "instance", "service");

  private static final Set<String> KAFKA_THREAD = Set.of("thread_id", "process_id",
      "kafka_version");
  private static final Set<String> KAFKA_CONSUMER = Set.of("client_id", "topic", "partition",
      "kafka_version");

  /** Name → labels. A histogram is listed by its base name; see {@link #labelsOf}. */
  private static final Map<String, Set<String>> NAMES = listed();

  private static final Set<String> HISTOGRAMS = Set.of("phasewatch_alert_delivery_seconds");

  private ExportedMetrics() {}

  private static Map<String, Set<String>> listed() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    Set<String> family = Set.of("family");
    m.put("phasewatch_family_coupling", family);
    m.put("phasewatch_family_phase", family);
    m.put("phasewatch_family_models", family);
    m.put("phasewatch_family_nc_billions", family);
    m.put("phasewatch_family_crossed", family);
    Set<String> panel = Set.of("panel");
    m.put("phasewatch_panel_nc_median_billions", panel);
    m.put("phasewatch_panel_nc_lower_billions", panel);
    m.put("phasewatch_panel_nc_upper_billions", panel);
    m.put("phasewatch_panel_nc_kept_resamples", panel);
    m.put("phasewatch_panel_r", panel);
    m.put("phasewatch_panel_models", panel);
    Set<String> cohort = Set.of("cohort");
    m.put("phasewatch_frontier_r", cohort);
    m.put("phasewatch_frontier_slope", cohort);
    m.put("phasewatch_frontier_rolling_r", cohort);
    m.put("phasewatch_frontier_models", cohort);
    m.put("phasewatch_frontier_saturation_sigma", Set.of("cohort", "benchmark"));
    m.put("phasewatch_records_in_total", Set.of("kind"));
    m.put("phasewatch_rejected_total", Set.of("reason"));
    m.put("phasewatch_alerts_total", Set.of("kind"));
    m.put("phasewatch_build_info", Set.of("version"));
    // The ingest role (IngestMetrics in the ingest module; IngestMetricNamesTest scrapes it).
    // Its phasewatch_rejected_total is the streams role's name and label, listed above.
    Set<String> kind = Set.of("kind");
    m.put("phasewatch_ingest_records_total", kind);
    m.put("phasewatch_ingest_runs_total", kind);
    m.put("phasewatch_ingest_run_seconds_count", kind);
    m.put("phasewatch_ingest_run_seconds_sum", kind);
    m.put("phasewatch_ingest_run_seconds_max", kind);
    m.put("phasewatch_ingest_last_success_timestamp_seconds", Set.of());
    Set<String> sinkKind = Set.of("sink", "kind");
    m.put("phasewatch_alerts_delivered_total", sinkKind);
    m.put("phasewatch_alerts_failed_total", sinkKind);
    m.put("phasewatch_alerts_retried_total", sinkKind);
    m.put("phasewatch_alerts_dead_lettered_total", sinkKind);
    m.put("phasewatch_alert_delivery_seconds", Set.of("sink"));
    // Kafka Streams and its consumers, through Micrometer's KafkaStreamsMetrics.
    m.put("kafka_stream_thread_process_rate", KAFKA_THREAD);
    m.put("kafka_stream_thread_commit_latency_avg", KAFKA_THREAD);
    m.put("kafka_stream_thread_commit_latency_max", KAFKA_THREAD);
    m.put("kafka_consumer_fetch_manager_records_lag_max", KAFKA_CONSUMER);
    m.put("kafka_stream_client_state", Set.of("client_id", "application_id", "process_id",
        "kafka_version"));
    return Map.copyOf(m);
  }

  /** Every name listed (a histogram by its base name). */
  static Set<String> names() {
    return NAMES.keySet();
  }

  static boolean isKafka(String name) {
    return name.startsWith("kafka_");
  }

  /**
   * The labels of series {@code name}, or empty when the app exports no such series. A
   * histogram's {@code _bucket} series also has {@code le}; {@code _sum} and {@code _count}
   * have the histogram's labels.
   */
  static Optional<Set<String>> labelsOf(String name) {
    if (NAMES.containsKey(name)) {
      return HISTOGRAMS.contains(name) ? Optional.empty() : Optional.of(NAMES.get(name));
    }
    for (String h : HISTOGRAMS) {
      if (name.equals(h + "_bucket")) {
        return Optional.of(union(NAMES.get(h), Set.of("le")));
      }
      if (name.equals(h + "_sum") || name.equals(h + "_count")) {
        return Optional.of(NAMES.get(h));
      }
    }
    return Optional.empty();
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> u = new java.util.TreeSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }
}
