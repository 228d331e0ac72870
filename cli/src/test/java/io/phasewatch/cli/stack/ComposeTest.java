package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.cli.Main;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * docker-compose.yml, checked without an engine: {@code docker-compose config} validates and
 * resolves it, then its structure is compared with what the other files expect.
 */
class ComposeTest {
  static final List<String> ROLES = List.of("streams", "ingest", "alerts");
  private static JsonNode resolved;

  /** {@code docker-compose config} output: anchors merged, paths absolute, ports long form. */
  static synchronized JsonNode resolvedCompose() {
    if (resolved == null) {
      Tools.Result r = Tools.run(Tools.DOCKER_COMPOSE, StackFiles.ROOT, "-f",
          StackFiles.COMPOSE.toString(), "config");
      assertThat(r.exitCode()).as("docker-compose config:%n%s", r.output()).isZero();
      resolved = StackFiles.yamlText(r.output());
    }
    return resolved;
  }

  /** Container port → host port of {@code service}'s published ports. */
  static Map<Integer, Integer> ports(JsonNode compose, String service) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    for (JsonNode p : compose.path("services").path(service).path("ports")) {
      if (p.isObject()) {
        out.put(p.path("target").asInt(), p.path("published").asInt());
      } else {
        String[] parts = p.asText().split(":");
        out.put(Integer.parseInt(parts[parts.length - 1].replaceAll("/.*", "")),
            Integer.parseInt(parts[parts.length - 2]));
      }
    }
    return out;
  }

  static Set<Integer> publishedTargets(JsonNode compose, String service) {
    return ports(compose, service).keySet();
  }

  /** Container path → absolute host path of {@code service}'s bind mounts. */
  static Map<String, String> bindMounts(JsonNode compose, String service) {
    Map<String, String> out = new LinkedHashMap<>();
    mounts(compose, service).forEach((target, source) -> {
      if (source.startsWith("/")) {
        out.put(target, source);
      }
    });
    return out;
  }

  /** Container path → named volume of {@code service}. */
  static Map<String, String> namedVolumes(JsonNode compose, String service) {
    Map<String, String> out = new LinkedHashMap<>();
    mounts(compose, service).forEach((target, source) -> {
      if (!source.startsWith("/")) {
        out.put(target, source);
      }
    });
    return out;
  }

  private static Map<String, String> mounts(JsonNode compose, String service) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode v : compose.path("services").path(service).path("volumes")) {
      if (v.isObject()) {
        out.put(v.path("target").asText(), v.path("source").asText());
      } else {
        String[] parts = v.asText().split(":");
        out.put(parts[1], parts[0]);
      }
    }
    return out;
  }

  static List<String> command(JsonNode compose, String service) {
    List<String> out = new ArrayList<>();
    JsonNode c = compose.path("services").path(service).path("command");
    if (c.isArray()) {
      c.forEach(n -> out.add(n.asText()));
    } else {
      out.addAll(List.of(c.asText().split("\\s+")));
    }
    return out;
  }

  /**
   * The port a phasewatch role serves /metrics on inside its container: its {@code
   * --metrics-port} option (the alert router) or else {@code PHASEWATCH_HTTP_PORT}.
   */
  static String metricsPort(JsonNode compose, String role) {
    List<String> command = command(compose, role);
    int option = command.indexOf("--metrics-port");
    if (option >= 0) {
      return command.get(option + 1);
    }
    return compose.path("services").path(role).path("environment").path("PHASEWATCH_HTTP_PORT")
        .asText();
  }

  @Test
  void dockerComposeConfigAcceptsTheFile() {
    Tools.Result r = Tools.run(Tools.DOCKER_COMPOSE, StackFiles.ROOT, "-f",
        StackFiles.COMPOSE.toString(), "config", "-q");
    assertThat(r.exitCode()).as("docker-compose -f docker-compose.yml config -q:%n%s", r.output())
        .isZero();
  }

  @Test
  void theStackHasItsSevenServicesEachWithAHealthcheck() {
    JsonNode services = resolvedCompose().path("services");
    Set<String> names = new TreeSet<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrder("kafka", "streams", "ingest", "alerts",
        "prometheus", "alertmanager", "grafana");
    for (String name : names) {
      JsonNode test = services.path(name).path("healthcheck").path("test");
      assertThat(test.isArray() && test.size() > 1).as("%s healthcheck", name).isTrue();
      assertThat(test.get(0).asText()).as(name).isIn("CMD", "CMD-SHELL");
    }
    assertThat(services.path("grafana").path("image").asText()).startsWith("grafana/grafana-oss:");
  }

  @Test
  void kafkaIsOneKraftNodeOfTheOfficialImageOnANamedVolume() {
    JsonNode compose = resolvedCompose();
    JsonNode kafka = compose.path("services").path("kafka");
    assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
    JsonNode env = kafka.path("environment");
    assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    String nodeId = env.path("KAFKA_NODE_ID").asText();
    assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
        .isEqualTo(nodeId + "@kafka:9093");
    assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asText()).isEqualTo("1");
    assertThat(env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asText()).isEqualTo("1");
    assertThat(namedVolumes(compose, "kafka"))
        .containsKey(env.path("KAFKA_LOG_DIRS").asText());
  }

  @Test
  void thePhasewatchRolesShareOneImageBuiltFromThisRepository() {
    JsonNode compose = resolvedCompose();
    JsonNode services = compose.path("services");
    Set<String> images = new HashSet<>();
    String advertised = services.path("kafka").path("environment")
        .path("KAFKA_ADVERTISED_LISTENERS").asText();
    for (String role : ROLES) {
      JsonNode s = services.path(role);
      images.add(s.path("image").asText());
      assertThat(s.path("build").path("context").asText()).as(role)
          .isEqualTo(StackFiles.ROOT.toString());
      assertThat(StackFiles.ROOT.resolve(s.path("build").path("dockerfile").asText())).as(role)
          .isEqualTo(StackFiles.DOCKERFILE);
      assertThat(command(compose, role).get(0)).as(role).isEqualTo(role);
      String bootstrap = s.path("environment").path("PHASEWATCH_BOOTSTRAP_SERVERS").asText();
      assertThat(bootstrap).as(role).isEqualTo("kafka:9092");
      assertThat(advertised).as("Kafka advertises what %s connects to", role)
          .contains("//" + bootstrap);
      assertThat(s.path("depends_on").path("kafka").path("condition").asText()).as(role)
          .isEqualTo("service_healthy");
      String port = metricsPort(compose, role);
      assertThat(s.path("healthcheck").path("test").toString()).as("%s healthcheck", role)
          .contains("/dev/tcp/127.0.0.1/" + port + " ");
      assertThat(ports(compose, role)).as(role).containsKey(Integer.parseInt(port));
    }
    assertThat(images).hasSize(1);
  }

  @Test
  void theIngestAndAlertsCommandsOfTheStackParseAndServeMetricsOnTheirScrapedPort() {
    JsonNode compose = resolvedCompose();
    for (String role : List.of("ingest", "alerts")) {
      List<String> command = command(compose, role);
      ParseResult parsed = Main.commandLine().parseArgs(command.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).as(role).isTrue();
      assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(role);
      int port = parsed.subcommand().matchedOptionValue("--metrics-port", -1);
      assertThat(port).as("%s: --metrics-port, where prometheus/prometheus.yml scrapes it", role)
          .isEqualTo(8080);
    }
  }

  @Test
  void ingestReadsFeedsEveryHourAndAlertsReadsItsMountedConfig() {
    JsonNode compose = resolvedCompose();
    List<String> ingest = command(compose, "ingest");
    assertThat(ingest).contains("--feed");
    assertThat(ingest.get(ingest.indexOf("--every") + 1)).isEqualTo("1h");
    for (int i = 0; i < ingest.size(); i++) {
      if (ingest.get(i).equals("--feed")) {
        assertThat(ingest.get(i + 1)).as("feed paths are relative to the image's /app")
            .startsWith("feeds/");
      }
    }
    List<String> alerts = command(compose, "alerts");
    String config = alerts.get(alerts.indexOf("--config") + 1);
    String source = bindMounts(compose, "alerts").get(config);
    assertThat(source).as("a bind mount at %s", config).isNotNull();
    assertThat(java.nio.file.Path.of(source)).exists();
  }

  @Test
  void prometheusAndAlertmanagerMountTheRepositoryConfiguration() {
    JsonNode compose = resolvedCompose();
    Map<String, String> prometheus = bindMounts(compose, "prometheus");
    assertThat(prometheus).containsEntry("/etc/prometheus/prometheus.yml",
        StackFiles.PROMETHEUS.toString());
    // rule_files in prometheus.yml are relative to it: rules/*.yml.
    assertThat(prometheus).containsEntry("/etc/prometheus/rules",
        StackFiles.ROOT.resolve("prometheus/rules").toString());
    assertThat(command(compose, "prometheus"))
        .contains("--config.file=/etc/prometheus/prometheus.yml");
    Map<String, String> alertmanager = bindMounts(compose, "alertmanager");
    assertThat(alertmanager).containsEntry("/etc/alertmanager/alertmanager.yml",
        StackFiles.ROOT.resolve("prometheus/alertmanager.yml").toString());
    assertThat(command(compose, "alertmanager"))
        .contains("--config.file=/etc/alertmanager/alertmanager.yml");
  }

  @Test
  void stateLivesOnDeclaredNamedVolumes() {
    JsonNode compose = resolvedCompose();
    Set<String> declared = new HashSet<>();
    compose.path("volumes").fieldNames().forEachRemaining(declared::add);
    for (String service : List.of("kafka", "streams", "prometheus", "alertmanager", "grafana")) {
      assertThat(namedVolumes(compose, service)).as(service).isNotEmpty();
    }
    compose.path("services").fieldNames().forEachRemaining(service ->
        assertThat(declared).as(service).containsAll(namedVolumes(compose, service).values()));
  }

  @Test
  void everyPublishedPortIsUniqueAndDocumented() {
    JsonNode compose = resolvedCompose();
    String doc = StackFiles.text(StackFiles.DEPLOY_DOC);
    Set<Integer> seen = new HashSet<>();
    compose.path("services").fieldNames().forEachRemaining(service -> {
      for (int host : ports(compose, service).values()) {
        assertThat(seen.add(host)).as("host port %d published twice", host).isTrue();
        assertThat(Pattern.compile("\\b" + host + "\\b").matcher(doc).find())
            .as("docs/DEPLOY.md mentions port %d (%s)", host, service).isTrue();
      }
    });
    assertThat(seen).contains(3000, 9090, 9093, 8080);
  }
}
