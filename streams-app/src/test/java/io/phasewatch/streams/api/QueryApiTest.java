package io.phasewatch.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.core.domain.Json;
import io.phasewatch.streams.metrics.PhasewatchMetrics;
import io.phasewatch.streams.topology.ApiFixtures.Running;
import io.phasewatch.streams.topology.ApiFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/** The API and /metrics over real HTTP, with the TopologyTestDriver's stores behind them. */
class QueryApiTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(QueryApi api, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void servesTheStoresInTheDiagnoseShapesAndMetricsInPrometheusFormat() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Running run = ApiFixtures.crossedFamilyAndPaperPanel(
            rejections -> new PhasewatchMetrics(registry, rejections));
        QueryApi api = new QueryApi(0, run.stores(), registry::scrape).start()) {
      HttpResponse<String> families = get(api, "/api/families");
      assertThat(families.statusCode()).isEqualTo(200);
      assertThat(json(families).findValuesAsText("family")).contains("fam", "pythia");

      JsonNode fam = json(get(api, "/api/families/fam"));
      assertThat(fam.get("largest_phase").asText()).isEqualTo("bonus");
      assertThat(fam.get("largest_gamma12").asDouble()).isCloseTo(0.4, within(1e-9));

      assertThat(json(get(api, "/api/panels")).toString()).isEqualTo("[\"base\"]");
      JsonNode panel = json(get(api, "/api/panels/base"));
      assertThat(panel.get("panel").asText()).isEqualTo("base");
      assertThat(panel.get("nc").get("ci95_b").isArray()).isTrue();

      HttpResponse<String> unknown = get(api, "/api/families/nope");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(json(unknown).get("error").asText()).contains("nope");
      assertThat(get(api, "/api/frontier/none").statusCode()).isEqualTo(404);
      assertThat(get(api, "/api/whatever").statusCode()).isEqualTo(404);
      assertThat(get(api, "/api/alerts?since=yesterday").statusCode()).isEqualTo(400);

      JsonNode alerts = json(get(api, "/api/alerts?since=2026-01-01T00:00:00Z"));
      assertThat(alerts.findValuesAsText("subject")).containsExactlyInAnyOrder("fam", "llama-2");
      assertThat(json(get(api, "/api/alerts?since=2099-01-01T00:00:00Z")).size()).isZero();

      String metrics = get(api, "/metrics").body();
      assertThat(metrics).contains("phasewatch_family_coupling{family=\"fam\"} 0.4");
      assertThat(metrics).contains("phasewatch_family_phase{family=\"fam\"} 1.0");
      // fam, and llama-2 of the paper panel: γ12 (37.40 − 38.98)/(82.10 − 77.74) = −0.36 for
      // 7B→13B, then (44.90 − 37.40)/(87.30 − 82.10) = +1.44 for 13B→70B
      assertThat(metrics).contains("phasewatch_alerts_total{kind=\"family_crossed_nc\"} 2.0");
      assertThat(metrics).contains("phasewatch_panel_nc_median_billions{panel=\"base\"}");
      assertThat(metrics).contains("phasewatch_records_in_total");
      assertThat(metrics).contains("phasewatch_rejected_total{reason=\"out_of_range\"} 0.0");
      assertThat(metrics).doesNotContain("pythia-12b");
    }
  }

  @Test
  void answers503WithRetryAfterWhileStoresAreNotQueryable() throws Exception {
    StoreAccess restoring = new StoreAccess() {
      @Override
      public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
        throw new InvalidStateStoreException("rebalancing");
      }
    };
    try (QueryApi api = new QueryApi(0, restoring, () -> "").start()) {
      HttpResponse<String> r = get(api, "/api/families");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(json(r).get("error").asText()).contains("not queryable");
    }
  }
}
