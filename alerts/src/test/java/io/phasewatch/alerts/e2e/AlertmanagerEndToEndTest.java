package io.phasewatch.alerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.alerts.delivery.RetryPolicy;
import io.phasewatch.alerts.delivery.SinkOutcome;
import io.phasewatch.alerts.sink.AlertmanagerSink;
import io.phasewatch.alerts.testing.Binaries;
import io.phasewatch.alerts.testing.RouterFixture;
import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.alerts.testing.WebhookReceiver;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The router's Alertmanager sink against a real Alertmanager (Debian package
 * {@code prometheus-alertmanager}) started here on loopback, cluster mode off, delivering to a
 * local webhook: a fired then a resolved alert reach the webhook with the expected labels.
 */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AlertmanagerEndToEndTest {
  private static Path dir;
  private static Process alertmanager;
  private static WebhookReceiver webhook;
  private static int port;

  @BeforeAll
  static void startAlertmanager() throws Exception {
    Path binary = Binaries.require("prometheus-alertmanager", "prometheus-alertmanager", "alertmanager");
    dir = Files.createTempDirectory("phasewatch-am-");
    webhook = new WebhookReceiver();
    Files.writeString(dir.resolve("alertmanager.yml"), """
        route:
          receiver: hook
          group_by: [alertname, cohort]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: hook
            webhook_configs:
              - url: %s
                send_resolved: true
        """.formatted(webhook.url("/am")));
    port = freePort();
    alertmanager = new ProcessBuilder(binary.toString(),
        "--config.file=" + dir.resolve("alertmanager.yml"),
        "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=",
        "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("alertmanager.log").toFile())
        .start();
    awaitReady();
  }

  @AfterAll
  static void stopAlertmanager() throws Exception {
    if (alertmanager != null) {
      alertmanager.destroy();
      if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
        alertmanager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (webhook != null) {
      webhook.close();
    }
    if (dir != null) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void firedThenResolvedAlertReachTheReceiverWithKindSeverityAndCohortLabels() throws Exception {
    AlertmanagerSink sink = new AlertmanagerSink("alertmanager", URI.create("http://127.0.0.1:" + port),
        Duration.ofDays(7), Optional.empty(), Map.of("source", "phasewatch"),
        Duration.ofSeconds(2), Duration.ofSeconds(5));
    RouterFixture router = new RouterFixture(
        new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(2), 2.0, 0.2), sink);
    AlertEvent template = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier-e2e");
    Instant firedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    AlertEvent fired = AlertEvent.of(AlertKind.FRONTIER_COUPLING_BROKEN, AlertState.FIRED,
        "frontier-e2e", template.summary(), template.evidence(), firedAt, TestAlerts.STREAM_TIME);

    assertThat(router.router.route(fired, Optional.of("frontier-e2e"), Json.mapper().writeValueAsBytes(fired)))
        .extracting(SinkOutcome::status).containsExactly(SinkOutcome.Status.DELIVERED);
    JsonNode firing = notification(webhook.await(1, r -> status(r).equals("firing"), Duration.ofSeconds(30)).get(0));

    Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    AlertEvent resolved = AlertEvent.of(AlertKind.FRONTIER_COUPLING_BROKEN, AlertState.RESOLVED,
        "frontier-e2e", "Rolling r of cohort frontier-e2e recovered", template.evidence(),
        resolvedAt, TestAlerts.STREAM_TIME);
    assertThat(router.router.route(resolved, Optional.of("frontier-e2e"), Json.mapper().writeValueAsBytes(resolved)))
        .extracting(SinkOutcome::status).containsExactly(SinkOutcome.Status.DELIVERED);
    JsonNode resolvedNote = notification(webhook.await(1, r -> status(r).equals("resolved"), Duration.ofSeconds(30)).get(0));

    Map<String, String> expectedLabels = Map.of("alertname", "FRONTIER_COUPLING_BROKEN",
        "severity", "critical", "cohort", "frontier-e2e", "source", "phasewatch");
    for (JsonNode note : List.of(firing, resolvedNote)) {
      assertThat(note.get("receiver").asText()).isEqualTo("hook");
      assertThat(note.get("alerts")).hasSize(1);
      assertThat(Json.mapper().convertValue(note.get("alerts").get(0).get("labels"), Map.class))
          .isEqualTo(expectedLabels);
      assertThat(Json.mapper().convertValue(note.get("groupLabels"), Map.class))
          .isEqualTo(Map.of("alertname", "FRONTIER_COUPLING_BROKEN", "cohort", "frontier-e2e"));
    }
    JsonNode firingAlert = firing.get("alerts").get(0);
    assertThat(firingAlert.get("status").asText()).isEqualTo("firing");
    assertThat(Instant.parse(firingAlert.get("startsAt").asText())).isEqualTo(firedAt);
    assertThat(firingAlert.get("annotations").get("evidence").asText())
        .startsWith("r=0.21, r_baseline=0.71, n=14; 95% interval of r [0.05, 0.4]");
    assertThat(firingAlert.get("annotations").get("action").asText()).isEqualTo("widen");
    assertThat(firingAlert.get("annotations").get("alert_id").asText()).isEqualTo(fired.id());

    JsonNode resolvedAlert = resolvedNote.get("alerts").get(0);
    assertThat(resolvedAlert.get("status").asText()).isEqualTo("resolved");
    assertThat(Instant.parse(resolvedAlert.get("startsAt").asText()))
        .as("Alertmanager merged the resolve into the fired alert").isEqualTo(firedAt);
    assertThat(Instant.parse(resolvedAlert.get("endsAt").asText())).isEqualTo(resolvedAt);
  }

  private static String status(WebhookReceiver.Request r) {
    return notification(r).path("status").asText();
  }

  private static JsonNode notification(WebhookReceiver.Request r) {
    try {
      return Json.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void awaitReady() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!alertmanager.isAlive()) {
        throw new IllegalStateException("Alertmanager exited: " + Files.readString(dir.resolve("alertmanager.log")));
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/-/ready")).timeout(Duration.ofSeconds(1)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new IllegalStateException("Alertmanager not ready: " + Files.readString(dir.resolve("alertmanager.log")));
  }
}
