package io.phasewatch.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phasewatch.alerts.config.RouterConfigs.InvalidConfigException;
import io.phasewatch.alerts.delivery.RetryPolicy;
import io.phasewatch.alerts.route.Routes;
import io.phasewatch.alerts.sink.Sinks;
import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Severity;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterConfigsTest {

  static String exampleYaml() throws Exception {
    try (InputStream in = RouterConfigs.class.getResourceAsStream("/io/phasewatch/alerts/alerts.example.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void bundledExampleLoadsWithEverySinkType() throws Exception {
    RouterConfig c = RouterConfigs.parse(exampleYaml(), "example");

    assertThat(c.topicPrefix()).isEqualTo("phasewatch");
    assertThat(c.groupId()).isEqualTo("phasewatch-alerts");
    assertThat(c.sinks()).containsOnlyKeys("console", "log", "team-webhook", "slack", "alertmanager", "archive");
    assertThat(c.sinks().keySet()).first().isEqualTo("console");
    assertThat(c.sinks().get("team-webhook")).isEqualTo(new SinkConfig.Webhook(
        URI.create("https://hooks.example.org/phasewatch"), "PHASEWATCH_WEBHOOK_SECRET", Optional.empty(),
        Duration.ofSeconds(2), Duration.ofSeconds(5), Optional.empty()));
    SinkConfig.Alertmanager am = (SinkConfig.Alertmanager) c.sinks().get("alertmanager");
    assertThat(am.firingTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(am.extraLabels()).containsExactly(Map.entry("source", "phasewatch"));
    assertThat(c.sinks().get("archive")).isEqualTo(new SinkConfig.JsonLines(Path.of("/var/lib/phasewatch/alerts.jsonl")));
    assertThat(c.retry()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2));
    assertThat(c.retryFor("alertmanager"))
        .as("a sink's own retry block, defaults for what it leaves out")
        .isEqualTo(new RetryPolicy(8, Duration.ofMillis(500), Duration.ofMinutes(1), 2.0, 0.2));
    assertThat(c.retryFor("slack")).isEqualTo(c.retry());
    assertThat(c.routes()).hasSize(5);
    assertThat(c.routes().get(1).match().minSeverity()).contains(Severity.CRITICAL);
  }

  @Test
  void exampleRoutesSendCriticalAlertsToAlertmanagerAndEverythingToTheArchive() throws Exception {
    Routes routes = new Routes(RouterConfigs.parse(exampleYaml(), "example").routes());
    assertThat(routes.sinksFor(TestAlerts.brokenCoupling(AlertState.FIRED, "frontier")))
        .containsExactly("archive", "alertmanager", "slack", "log");
    assertThat(routes.sinksFor(TestAlerts.of(AlertKind.FAMILY_CROSSED_NC, AlertState.RESOLVED, "Pythia")))
        .containsExactly("archive", "team-webhook", "log");
    assertThat(routes.sinksFor(TestAlerts.of(AlertKind.LAB_REALLOCATION, AlertState.FIRED, "lab-x")))
        .containsExactly("archive", "console");
  }

  @Test
  void exampleSinksBuildWhenTheSecretIsSet() throws Exception {
    RouterConfig c = RouterConfigs.parse(exampleYaml(), "example");
    var sinks = Sinks.create(c, n -> n.equals("PHASEWATCH_WEBHOOK_SECRET") ? Optional.of("s3cr3t") : Optional.empty(),
        new PrintStream(OutputStream.nullOutputStream()));
    assertThat(sinks).containsOnlyKeys(c.sinks().keySet());
  }

  @Test
  void missingWebhookSecretFailsNamingSinkAndVariable() throws Exception {
    RouterConfig c = RouterConfigs.parse(exampleYaml(), "example");
    assertThatThrownBy(() -> Sinks.create(c, n -> Optional.empty(), System.out))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("sink 'team-webhook'")
        .hasMessageContaining("PHASEWATCH_WEBHOOK_SECRET");
  }

  @Test
  void unknownKeyIsAnErrorWithItsPlace() {
    String yaml = """
        sinks:
          c: {type: console}
        routes:
          - match: {min_severty: critical}
            sinks: [c]
        """;
    assertThatThrownBy(() -> RouterConfigs.parse(yaml, "alerts.yml"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("alerts.yml")
        .hasMessageContaining("min_severty");
  }

  @Test
  void routeToAnUnconfiguredSinkIsAnError() {
    String yaml = """
        sinks:
          c: {type: console}
        routes:
          - name: pager
            sinks: [c, pagerduty]
        """;
    assertThatThrownBy(() -> RouterConfigs.parse(yaml, "alerts.yml"))
        .hasMessageContaining("route 'pager' names sink 'pagerduty', which is not configured");
  }

  @Test
  void unknownKindAndSinkTypeAreErrors() {
    assertThatThrownBy(() -> RouterConfigs.parse("""
        sinks: {c: {type: console}}
        routes: [{match: {kinds: [FAMILY_EXPLODED]}, sinks: [c]}]
        """, "k.yml")).isInstanceOf(InvalidConfigException.class).hasMessageContaining("FAMILY_EXPLODED");
    assertThatThrownBy(() -> RouterConfigs.parse("""
        sinks: {c: {type: pager}}
        routes: [{sinks: [c]}]
        """, "t.yml")).isInstanceOf(InvalidConfigException.class).hasMessageContaining("pager");
  }

  @Test
  void topicPrefixThatCannotNameATopicIsAnError() {
    assertThatThrownBy(() -> RouterConfigs.parse("""
        topic_prefix: "my prefix"
        sinks: {c: {type: console}}
        routes: [{sinks: [c]}]
        """, "p.yml")).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("topic prefix must be letters, digits");
  }

  @Test
  void minimalConfigTakesDefaults() {
    RouterConfig c = RouterConfigs.parse("""
        sinks: {out: {type: console}}
        routes: [{sinks: [out]}]
        """, "min.yml");
    assertThat(c.topicPrefix()).isEqualTo("phasewatch");
    assertThat(c.maxPollRecords()).isEqualTo(RouterConfig.DEFAULT_MAX_POLL_RECORDS);
    assertThat(c.retry()).isEqualTo(RetryPolicy.defaults());
    assertThat(c.routes().get(0).match().matches(TestAlerts.familyCrossed(1))).isTrue();
  }

  @Test
  void durationsInHumanAndIsoForms() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> Durations.parse("5 minutes")).hasMessageContaining("500ms");
  }
}
