package io.phasewatch.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.alerts.testing.WebhookReceiver;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Evidence;
import io.phasewatch.core.domain.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlackSinkTest {

  @Test
  void postsTextAndBlocksWithTheEvidence() throws Exception {
    var alert = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
    try (WebhookReceiver slack = new WebhookReceiver()) {
      SlackSink sink = new SlackSink("slack", slack.url("/services/T/B/X"), Duration.ofSeconds(1), Duration.ofSeconds(2));

      assertThat(sink.attempt(alert)).isEqualTo(Attempt.delivered());

      JsonNode message = Json.mapper().readTree(slack.requests().get(0).body());
      assertThat(message.get("text").asText()).isEqualTo(AlertText.line(alert));
      JsonNode blocks = message.get("blocks");
      assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
      assertThat(blocks.get(0).get("text").get("text").asText())
          .isEqualTo("Fired: FRONTIER_COUPLING_BROKEN cohort=frontier");
      assertThat(blocks.get(1).get("text").get("text").asText())
          .isEqualTo("*CRITICAL* Rolling r of cohort frontier fell to 0.21 (baseline 0.71)");
      List<String> fields = new ArrayList<>();
      blocks.get(2).get("fields").forEach(f -> fields.add(f.get("text").asText()));
      assertThat(fields).containsExactly("*r*\n0.21", "*r_baseline*\n0.71", "*n*\n14");
      assertThat(blocks.get(3).get("type").asText()).isEqualTo("context");
      assertThat(blocks.get(3).get("elements").get(0).get("text").asText())
          .contains("95% interval of r: [0.05, 0.4]")
          .contains("window 2026-05-01 to 2026-10-31")
          .contains("models: model-a (gpqa_diamond: epoch), model-b");
      assertThat(blocks.get(4).get("text").get("text").asText()).isEqualTo("*Suggested action:* widen");
      assertThat(blocks.get(5).get("elements").get(0).get("text").asText()).contains(alert.id());
    }
  }

  @Test
  void resolvedMessageSaysResolvedAndCarriesNoAction() {
    var resolved = TestAlerts.brokenCoupling(AlertState.RESOLVED, "frontier");
    JsonNode message = SlackSink.payload(resolved);
    assertThat(message.get("blocks").get(0).get("text").get("text").asText()).startsWith("Resolved: ");
    message.get("blocks").forEach(b ->
        assertThat(b.toString()).doesNotContain("Suggested action"));
  }

  @Test
  void atMostTenEvidenceFields() {
    var values = new TreeMap<String, Double>();
    for (int i = 0; i < 15; i++) {
      values.put("v" + (char) ('a' + i), (double) i);
    }
    var alert = AlertEvent.of(AlertKind.NC_SHIFT,
        AlertState.FIRED, "Pythia", "shift", Evidence.of(values, 8),
        TestAlerts.FIRED_AT, TestAlerts.STREAM_TIME);
    assertThat(SlackSink.payload(alert).get("blocks").get(2).get("fields")).hasSize(10);
  }
}
