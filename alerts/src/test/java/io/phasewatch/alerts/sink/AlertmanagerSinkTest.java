package io.phasewatch.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.alerts.testing.WebhookReceiver;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertmanagerSinkTest {
  private static AlertmanagerSink sink(URI base) {
    return new AlertmanagerSink("am", base, Duration.ofDays(7),
        Optional.of("https://example.org/docs/runbooks.md"), Map.of("source", "phasewatch"),
        Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void firedAlertHasKindSeveritySubjectLabelsAndEndsAfterTheFiringTtl() {
    var fired = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
    JsonNode a = sink(URI.create("http://am:9093")).postableAlert(fired);

    assertThat(Json.mapper().convertValue(a.get("labels"), Map.class)).isEqualTo(Map.of(
        "alertname", "FRONTIER_COUPLING_BROKEN", "severity", "critical", "cohort", "frontier",
        "source", "phasewatch"));
    assertThat(a.get("startsAt").asText()).isEqualTo("2026-11-20T10:15:30Z");
    assertThat(a.get("endsAt").asText()).isEqualTo("2026-11-27T10:15:30Z");
    JsonNode ann = a.get("annotations");
    assertThat(ann.get("summary").asText()).isEqualTo("Rolling r of cohort frontier fell to 0.21 (baseline 0.71)");
    assertThat(ann.get("description").asText()).startsWith("FRONTIER_COUPLING_BROKEN fired for cohort=frontier.");
    assertThat(ann.get("evidence").asText()).isEqualTo(AlertText.evidence(fired.evidence()));
    assertThat(ann.get("action").asText()).isEqualTo("widen");
    assertThat(ann.get("alert_id").asText()).isEqualTo(fired.id());
    assertThat(ann.get("runbook_url").asText())
        .isEqualTo("https://example.org/docs/runbooks.md#frontier_coupling_broken");
  }

  @Test
  void resolvedAlertHasTheSameLabelsAndEndsWhenItWasResolved() {
    var s = sink(URI.create("http://am:9093"));
    var fired = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
    Instant resolvedAt = TestAlerts.FIRED_AT.plus(Duration.ofHours(3));
    var resolved = AlertEvent.of(AlertKind.FRONTIER_COUPLING_BROKEN,
        AlertState.RESOLVED, "frontier", "Rolling r recovered", fired.evidence(), resolvedAt,
        TestAlerts.STREAM_TIME);

    assertThat(s.labels(resolved)).isEqualTo(s.labels(fired));
    JsonNode a = s.postableAlert(resolved);
    assertThat(a.get("endsAt").asText()).isEqualTo(resolvedAt.toString());
    assertThat(Instant.parse(a.get("startsAt").asText())).isBeforeOrEqualTo(resolvedAt);
  }

  @Test
  void subjectLabelIsNamedAfterTheSubjectType() {
    var s = sink(URI.create("http://am:9093"));
    assertThat(s.labels(TestAlerts.of(AlertKind.FAMILY_CROSSED_NC, AlertState.FIRED, "Pythia")))
        .containsEntry("family", "Pythia").doesNotContainKey("cohort");
    assertThat(s.labels(TestAlerts.of(AlertKind.LEADERBOARD_SATURATION, AlertState.FIRED, "gpqa_diamond")))
        .containsEntry("benchmark", "gpqa_diamond").containsEntry("severity", "warning");
  }

  @Test
  void postsAnArrayOfOneAlertToTheV2Endpoint() throws Exception {
    try (WebhookReceiver am = new WebhookReceiver()) {
      var fired = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
      assertThat(sink(am.url("/")).attempt(fired)).isEqualTo(Attempt.delivered());

      var request = am.requests().get(0);
      assertThat(request.path()).isEqualTo("/api/v2/alerts");
      JsonNode body = Json.mapper().readTree(request.body());
      assertThat(body.isArray()).isTrue();
      assertThat(body).hasSize(1);
      assertThat(body.get(0).get("labels").get("alertname").asText()).isEqualTo("FRONTIER_COUPLING_BROKEN");
    }
  }

  @Test
  void endpointJoinsTheBaseWithOrWithoutSlash() {
    assertThat(AlertmanagerSink.alertsEndpoint(URI.create("http://am:9093/")))
        .isEqualTo(URI.create("http://am:9093/api/v2/alerts"));
    assertThat(AlertmanagerSink.alertsEndpoint(URI.create("http://proxy/am")))
        .isEqualTo(URI.create("http://proxy/am/api/v2/alerts"));
  }
}
