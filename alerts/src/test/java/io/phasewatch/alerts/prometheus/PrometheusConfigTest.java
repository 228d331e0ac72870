package io.phasewatch.alerts.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.phasewatch.alerts.testing.Binaries;
import io.phasewatch.alerts.testing.Binaries.Run;
import io.phasewatch.alerts.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code promtool} and {@code amtool} (Debian packages {@code prometheus} and
 * {@code prometheus-alertmanager}) on prometheus/: rule syntax, the rule unit tests, the
 * Alertmanager configuration and its routing. Fails, never skips, when a tool is missing.
 */
class PrometheusConfigTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Path ROOT = ProjectFiles.root();
  private static final Path PROMETHEUS = ROOT.resolve("prometheus");
  private static final Path RULES = PROMETHEUS.resolve("rules/phasewatch.rules.yml");

  private static Path promtool() {
    return Binaries.require("prometheus", "promtool");
  }

  private static Path amtool() {
    return Binaries.require("prometheus-alertmanager", "amtool");
  }

  static List<Path> ruleTestFiles() throws Exception {
    try (Stream<Path> files = Files.list(PROMETHEUS.resolve("rules/tests"))) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  @Test
  void promtoolChecksTheRules() throws Exception {
    Run run = Binaries.run(ROOT, TIMEOUT, List.of(promtool().toString(), "check", "rules", RULES.toString()));
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS: " + alertNames().size() + " rules found");
  }

  @Test
  void promtoolRuleUnitTestsPass() throws Exception {
    List<String> command = new ArrayList<>(List.of(promtool().toString(), "test", "rules"));
    ruleTestFiles().forEach(p -> command.add(p.toString()));
    Run run = Binaries.run(ROOT, TIMEOUT, command);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain("FAILED");
  }

  @Test
  void ruleUnitTestsFailWhenARuleThresholdChanges(@TempDir Path dir) throws Exception {
    // the unit tests must be able to fail: move the critical rolling-r threshold and rerun them
    Files.createDirectories(dir.resolve("rules/tests"));
    String rules = Files.readString(RULES);
    String mutated = rules.replace("phasewatch_frontier_rolling_r < 0.3", "phasewatch_frontier_rolling_r < 0.2");
    assertThat(mutated).isNotEqualTo(rules);
    Files.writeString(dir.resolve("rules/phasewatch.rules.yml"), mutated);
    List<String> command = new ArrayList<>(List.of(promtool().toString(), "test", "rules"));
    for (Path test : ruleTestFiles()) {
      Path copy = dir.resolve("rules/tests").resolve(test.getFileName());
      Files.copy(test, copy);
      command.add(copy.toString());
    }
    Run run = Binaries.run(dir, TIMEOUT, command);
    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output()).contains("PhasewatchFrontierCouplingBroken");
  }

  @Test
  void everyRuleHasFiringAndNotFiringUnitTests() throws Exception {
    Map<String, Set<String>> cases = new TreeMap<>();
    YAMLMapper yaml = new YAMLMapper();
    for (Path file : ruleTestFiles()) {
      for (JsonNode test : yaml.readTree(file.toFile()).get("tests")) {
        for (JsonNode t : test.path("alert_rule_test")) {
          boolean fires = t.path("exp_alerts").size() > 0;
          cases.computeIfAbsent(t.get("alertname").asText(), k -> new TreeSet<>())
              .add(fires ? "firing" : "not firing");
        }
      }
    }
    for (String alert : alertNames()) {
      assertThat(cases.get(alert)).as("unit test cases of " + alert)
          .containsExactlyInAnyOrder("firing", "not firing");
    }
  }

  @Test
  void amtoolChecksTheAlertmanagerConfig() throws Exception {
    Run run = Binaries.run(ROOT, TIMEOUT,
        List.of(amtool().toString(), "check-config", PROMETHEUS.resolve("alertmanager.yml").toString()));
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS");
  }

  @Test
  void criticalAlertsRouteToOnCallAndTheRestToTheTeamWebhook() throws Exception {
    assertThat(routeVerifies("oncall", "severity=critical", "alertname=PhasewatchDown")).isTrue();
    assertThat(routeVerifies("oncall", "severity=critical", "alertname=FRONTIER_COUPLING_BROKEN", "cohort=frontier")).isTrue();
    assertThat(routeVerifies("team-webhook", "severity=warning", "alertname=PhasewatchLeaderboardSaturated")).isTrue();
    assertThat(routeVerifies("team-webhook", "severity=info", "alertname=FAMILY_CROSSED_NC", "family=Pythia")).isTrue();
    assertThat(routeVerifies("oncall", "severity=warning", "alertname=PhasewatchFrontierCouplingDecay"))
        .as("amtool's verification can fail").isFalse();
  }

  @Test
  void alertsGroupByNameAndFamilyOrCohort() throws Exception {
    JsonNode route = new YAMLMapper().readTree(PROMETHEUS.resolve("alertmanager.yml").toFile()).get("route");
    List<String> groupBy = new ArrayList<>();
    route.get("group_by").forEach(n -> groupBy.add(n.asText()));
    assertThat(groupBy).containsExactly("alertname", "family", "cohort");
  }

  private boolean routeVerifies(String receiver, String... labels) throws Exception {
    List<String> command = new ArrayList<>(List.of(amtool().toString(), "config", "routes", "test",
        "--config.file=" + PROMETHEUS.resolve("alertmanager.yml"), "--verify.receivers=" + receiver));
    command.addAll(List.of(labels));
    return Binaries.run(ROOT, TIMEOUT, command).exitCode() == 0;
  }

  static List<String> alertNames() throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode group : new YAMLMapper().readTree(RULES.toFile()).get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        names.add(rule.get("alert").asText());
      }
    }
    return names;
  }
}
