package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasewatch.cli.stack.Dashboards.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two Prometheus configurations, and the dashboards' PromQL, checked by promtool. */
class PrometheusConfigTest {
  private static final String JOB = "phasewatch";
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?\\}|\\$(\\w+)|\\[\\[(\\w+)(?::\\w+)?\\]\\]");
  /** What a Grafana variable becomes for promtool: durations for the interval ones. */
  private static final Map<String, String> GLOBAL_VALUES =
      Map.of("__rate_interval", "1m", "__interval", "30s", "__range", "1h");

  @Test
  void promtoolAcceptsTheLocalConfiguration() {
    Tools.Result r = Tools.run(Tools.PROMTOOL, StackFiles.ROOT, "check", "config",
        "prometheus/prometheus-local.yml");
    assertThat(r.exitCode()).as("promtool check config prometheus/prometheus-local.yml:%n%s",
        r.output()).isZero();
  }

  @Test
  void promtoolAcceptsTheComposeConfiguration() {
    Tools.Result r = Tools.run(Tools.PROMTOOL, StackFiles.ROOT, "check", "config",
        "prometheus/prometheus.yml");
    assertThat(r.exitCode()).as("promtool check config prometheus/prometheus.yml:%n%s",
        r.output()).isZero();
  }

  @Test
  void bothConfigurationsLoadTheRulesAndScrapeJobPhasewatch() {
    for (Path file : List.of(StackFiles.PROMETHEUS, StackFiles.PROMETHEUS_LOCAL)) {
      JsonNode config = StackFiles.yaml(file);
      List<String> ruleFiles = new ArrayList<>();
      config.path("rule_files").forEach(n -> ruleFiles.add(n.asText()));
      assertThat(ruleFiles).as(file.toString()).containsExactly("rules/*.yml");
      assertThat(job(config, JOB)).as("%s has job %s", file, JOB).isPresent();
      assertThat(alertmanagerTargets(config)).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void theComposeConfigurationScrapesEveryRoleOnThePortItServes() {
    JsonNode compose = ComposeTest.resolvedCompose();
    List<String> expected = new ArrayList<>();
    for (String role : ComposeTest.ROLES) {
      String port = ComposeTest.metricsPort(compose, role);
      assertThat(port).as("%s sets its metrics port", role).isNotBlank();
      expected.add(role + ":" + port);
    }
    JsonNode config = StackFiles.yaml(StackFiles.PROMETHEUS);
    assertThat(targets(job(config, JOB).orElseThrow())).containsExactlyInAnyOrderElementsOf(
        expected);
    for (String target : alertmanagerTargets(config)) {
      String[] hostPort = target.split(":");
      assertThat(ComposeTest.publishedTargets(compose, hostPort[0])).as(target)
          .contains(Integer.parseInt(hostPort[1]));
    }
  }

  @Test
  void theLocalConfigurationScrapesPhasewatchRunOnItsDefaultPort() {
    JsonNode config = StackFiles.yaml(StackFiles.PROMETHEUS_LOCAL);
    assertThat(targets(job(config, JOB).orElseThrow())).containsExactly("localhost:8080");
  }

  @Test
  void everyDashboardQueryIsValidPromQl(@TempDir Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = mapper.createObjectNode();
    ObjectNode group = doc.putArray("groups").addObject();
    group.put("name", "dashboards");
    ArrayNode rules = group.putArray("rules");
    List<Query> queries = Dashboards.allQueries();
    for (int i = 0; i < queries.size(); i++) {
      rules.addObject().put("record", "dashboard:query_" + i)
          .put("expr", substitute(queries.get(i).expr()));
    }
    // JSON is YAML: promtool reads it as a rules file.
    Path file = dir.resolve("dashboards.rules.yml");
    mapper.writeValue(file.toFile(), doc);
    Tools.Result r = Tools.run(Tools.PROMTOOL, dir, "check", "rules", file.toString());
    assertThat(r.exitCode()).as("promtool check rules on the dashboards' queries:%n%s%n%s",
        r.output(), String.join("\n", queries.stream().map(Query::toString).toList()))
        .isZero();
    assertThat(r.output()).contains(queries.size() + " rules found");
  }

  /** Grafana variables replaced as Grafana would, with a plausible value. */
  static String substitute(String expr) {
    Matcher m = VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      m.appendReplacement(out, Matcher.quoteReplacement(GLOBAL_VALUES.getOrDefault(name, "x")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Optional<JsonNode> job(JsonNode config, String name) {
    for (JsonNode job : config.path("scrape_configs")) {
      if (name.equals(job.path("job_name").asText())) {
        return Optional.of(job);
      }
    }
    return Optional.empty();
  }

  private static List<String> targets(JsonNode job) {
    List<String> out = new ArrayList<>();
    for (JsonNode sc : job.path("static_configs")) {
      sc.path("targets").forEach(t -> out.add(t.asText()));
    }
    return out;
  }

  private static TreeSet<String> alertmanagerTargets(JsonNode config) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode am : config.path("alerting").path("alertmanagers")) {
      out.addAll(targets(am));
    }
    return out;
  }
}
