package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasewatch.cli.run.SummaryTable;
import io.phasewatch.cli.stack.Dashboards.Query;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phasewatch run} end to end, as a user meets it: the shaded jar in a child JVM (embedded
 * broker, bundled replay, state in a temporary directory, a free HTTP port) and a real
 * Prometheus (Debian package, loopback, free port, scraping every second with
 * prometheus/rules loaded). Once {@code /api/status} says the replay is done:
 *
 * <ul>
 *   <li>every panel query of every dashboard returns data from that Prometheus, variables
 *       replaced by real values;
 *   <li>every metric name a dashboard or a rule uses is a series Prometheus scraped from run;
 *   <li>each family of {@code phasewatch diagnose --bundled} has its series, with its models and
 *       phase, and the pooled panel and the frontier cohort theirs, with diagnose's figures;
 *   <li>{@code promtool check config} (of the configuration used) and {@code check rules} pass;
 *   <li>the JSON API equals {@code phasewatch diagnose --json} on the same bundled files (the
 *       families, the pooled and the paper's panel, the frontier cohort and each Epoch
 *       snapshot's: same shapes, same figures), and the summary run printed is the table of
 *       diagnose's figures;
 *   <li>SIGTERM stops run within seconds.
 * </ul>
 *
 * <p>A child JVM rather than in-process: it is the artifact the README tells people to run (the
 * bundled feeds and data read from the jar, the shading, the log configuration, the signal
 * handling), and Kafka's non-daemon threads and static state stay out of the test JVM. Hence an
 * integration test (maven-failsafe, after {@code package} built the jar). Every process it starts
 * is stopped in {@link #stopProcesses()}.
 */
@Tag("e2e")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class RunEndToEndIT {
  private static final Duration REPLAY_DEADLINE = Duration.ofMinutes(4);
  private static final Pattern METRICS_URL = Pattern.compile("http://localhost:(\\d+)/metrics");
  /** What a Grafana interval variable becomes: a window holding many 1 s scrapes. */
  private static final Map<String, String> INTERVALS = Map.of("__rate_interval", "30s",
      "__interval", "5s", "__range", "5m");
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?\\}|\\$(\\w+)|\\[\\[(\\w+)(?::\\w+)?\\]\\]");
  private static final ObjectMapper JSON = Json.mapper();

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void runServesWhatTheDashboardsRulesAndDiagnoseExpect() throws Exception {
    Path jar = jar();
    Path runOut = dir.resolve("run.out");
    Path runErr = dir.resolve("run.err");
    Process run = start(dir, runOut, runErr, java(), "-jar", jar.toString(), "run",
        "--http-port", "0", "--state-dir", dir.resolve("state").toString(), "--speed", "120");
    int port = awaitPort(run, runOut, runErr);

    Path config = prometheusConfig(port);
    Tools.Result checkConfig = Tools.run(Tools.PROMTOOL, dir, "check", "config",
        config.toString());
    assertThat(checkConfig.exitCode()).as("promtool check config:%n%s", checkConfig.output())
        .isZero();
    List<String> rules = new ArrayList<>(List.of("check", "rules"));
    StackFiles.files(StackFiles.ROOT.resolve("prometheus/rules"), ".yml")
        .forEach(f -> rules.add(f.toString()));
    Tools.Result checkRules = Tools.run(Tools.PROMTOOL, dir, rules.toArray(String[]::new));
    assertThat(checkRules.exitCode()).as("promtool check rules:%n%s", checkRules.output())
        .isZero();
    int promPort = freePort();
    Process prometheus = start(dir, dir.resolve("prometheus.out"), dir.resolve("prometheus.out"),
        Tools.PROMETHEUS.require().toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("tsdb"),
        "--web.listen-address=127.0.0.1:" + promPort);
    String prom = "http://127.0.0.1:" + promPort;

    JsonNode status = awaitReplayDone(run, port, runOut, runErr);
    assertThat(status.path("replay").path("records").asLong()).isPositive();
    assertThat(status.path("replay").path("published").asLong())
        .isEqualTo(status.path("replay").path("records").asLong());
    assertThat(status.path("processing").path("unprocessed_records").asLong()).isZero();
    assertThat(status.path("processing").path("pending_recomputations").asLong()).isZero();
    assertThat(status.path("processing").path("undelivered_alerts").asLong()).isZero();
    assertThat(prometheus.isAlive()).as("prometheus runs:%n%s",
        Files.readString(dir.resolve("prometheus.out"))).isTrue();

    // Prometheus has scraped the finished state a few times, so rates have two samples
    Instant scrapedAfter = Instant.now().plusSeconds(6);
    awaitTrue(() -> query(prom, "up{job=\"phasewatch\"} == 1").size() == 1
        && Instant.now().isAfter(scrapedAfter), Duration.ofSeconds(60), "Prometheus scraping");

    // diagnose on the same bundled files: the base models with the pooled and the paper panel
    // and the frontier cohort; each Epoch snapshot as a cohort of its own
    JsonNode diagnose = diagnose(jar, "--bundled");
    List<FamilyDiagnosis> families = new ArrayList<>();
    for (JsonNode f : diagnose.path("base").path("families")) {
      families.add(JSON.treeToValue(f, FamilyDiagnosis.class));
    }
    List<JsonNode> panelJson = List.of(diagnose.path("base").path("pooled"),
        diagnose.path("base").path("paper_panel"));
    List<JsonNode> cohortJson = List.of(diagnose.path("frontier"),
        diagnose(jar, "--frontier", "bundled:frontier_epoch_2026-01.csv").path("frontier"),
        diagnose(jar, "--frontier", "bundled:frontier_epoch_2026-04.csv").path("frontier"));
    List<PanelDiagnosis> panels = new ArrayList<>();
    for (JsonNode p : panelJson) {
      panels.add(JSON.treeToValue(p, PanelDiagnosis.class));
    }
    List<FrontierDiagnosis> cohorts = new ArrayList<>();
    for (JsonNode c : cohortJson) {
      cohorts.add(JSON.treeToValue(c, FrontierDiagnosis.class));
    }
    PanelDiagnosis pooled = panels.get(0);
    FrontierDiagnosis frontier = cohorts.get(0);
    assertThat(panels).extracting(PanelDiagnosis::panel)
        .containsExactly("pooled", "paper-panel");
    assertThat(cohorts).extracting(FrontierDiagnosis::cohort).containsExactly("frontier",
        "frontier_epoch_2026-01", "frontier_epoch_2026-04");

    // the JSON API is diagnose's JSON, element by element
    String api = "http://127.0.0.1:" + port;
    assertThat(sortedByFamily(getJson(api + "/api/families")))
        .isEqualTo(sortedByFamily(diagnose.path("base").path("families")));
    for (JsonNode p : panelJson) {
      assertThat(getJson(api + "/api/panels/" + p.path("panel").asText())).isEqualTo(p);
    }
    for (JsonNode c : cohortJson) {
      assertThat(getJson(api + "/api/frontier/" + c.path("cohort").asText())).isEqualTo(c);
    }

    // the console summary is the table of diagnose's figures
    assertThat(Files.readString(runOut))
        .contains(SummaryTable.format(families, panels, cohorts));

    // every family and the panel and cohort have their series, with diagnose's figures
    for (FamilyDiagnosis f : families) {
      String sel = "{family=\"" + f.family() + "\"}";
      assertThat(value(prom, "phasewatch_family_models" + sel)).as(f.family()).isEqualTo(f.n());
      f.largestPhase().ifPresent(phase -> assertThat(value(prom, "phasewatch_family_phase" + sel))
          .as(f.family()).isEqualTo(phase.equals("tax") ? -1 : phase.equals("bonus") ? 1 : 0));
      f.largestGamma12().ifPresent(g -> assertThat(value(prom,
          "phasewatch_family_coupling" + sel)).as(f.family()).isCloseTo(g, within(1e-9)));
    }
    String panelSel = "{panel=\"" + pooled.panel() + "\"}";
    assertThat(value(prom, "phasewatch_panel_models" + panelSel)).isEqualTo(pooled.n());
    assertThat(value(prom, "phasewatch_panel_nc_median_billions" + panelSel))
        .isCloseTo(pooled.nc().orElseThrow().medianB(), within(1e-9));
    assertThat(value(prom, "phasewatch_panel_nc_lower_billions" + panelSel))
        .isCloseTo(pooled.nc().orElseThrow().ci95B().lo(), within(1e-9));
    String cohortSel = "{cohort=\"" + frontier.cohort() + "\"}";
    assertThat(value(prom, "phasewatch_frontier_models" + cohortSel)).isEqualTo(frontier.n());
    assertThat(value(prom, "phasewatch_frontier_r" + cohortSel))
        .isCloseTo(frontier.r().getAsDouble(), within(1e-9));
    assertThat(query(prom, "phasewatch_frontier_saturation_sigma" + cohortSel))
        .hasSize(frontier.saturation().pairs().size());

    // every metric a dashboard or a rule names is exported by run and scraped
    Set<String> names = new TreeSet<>();
    Dashboards.allQueries().forEach(q -> names.addAll(PromQl.refs(q.expr()).metrics()));
    for (String expr : ruleExpressions()) {
      names.addAll(PromQl.refs(expr).metrics());
    }
    names.remove("up");
    assertThat(query(prom, "count(phasewatch_no_such_metric)")).as("an absent name has no data")
        .isEmpty();
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (query(prom, "count(" + name + ")").isEmpty()) {
        missing.add(name);
      }
    }
    assertThat(missing).as("names used by dashboards or rules that run does not export").isEmpty();

    // every panel query of every dashboard returns data
    Map<String, String> values = new TreeMap<>(INTERVALS);
    values.put("job", "phasewatch");
    values.put("family", "Llama-2");
    values.put("panel", pooled.panel());
    values.put("cohort", frontier.cohort());
    assertThat(families).extracting(FamilyDiagnosis::family).contains(values.get("family"));
    List<String> empty = new ArrayList<>();
    List<Query> queries = Dashboards.allQueries();
    for (Query q : queries) {
      String expr = substitute(q.expr(), values);
      if (query(prom, expr).isEmpty()) {
        empty.add(q + "  →  " + expr);
      }
    }
    assertThat(empty).as("dashboard queries without data (of %d)", queries.size()).isEmpty();

    // SIGTERM stops run and its broker within seconds
    Instant stop = Instant.now();
    run.destroy();
    assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("run stopped on SIGTERM").isTrue();
    assertThat(Duration.between(stop, Instant.now())).isLessThan(Duration.ofSeconds(20));
    assertThat(Files.readString(runErr)).contains("phasewatch run stopped");
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("phasewatch.jar",
        StackFiles.ROOT.resolve("cli/target/phasewatch.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      fail(jar + " does not exist: build it with ./mvnw -B -q -ntp -pl cli -am package");
    }
    return jar;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private Process start(Path workDir, Path out, Path err, String... command) throws IOException {
    ProcessBuilder b = new ProcessBuilder(command).directory(workDir.toFile());
    b.redirectOutput(out.toFile());
    if (out.equals(err)) {
      b.redirectErrorStream(true);
    } else {
      b.redirectError(err.toFile());
    }
    Process p = b.start();
    started.add(p);
    p.getOutputStream().close();
    return p;
  }

  private static int awaitPort(Process run, Path out, Path err) throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      Matcher m = METRICS_URL.matcher(Files.readString(out));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!run.isAlive()) {
        fail("run exited with %d:%n%s%n%s", run.exitValue(), Files.readString(out),
            Files.readString(err));
      }
      Thread.sleep(200);
    }
    return fail("run printed no banner within 120 s:%n%s%n%s", Files.readString(out),
        Files.readString(err));
  }

  private JsonNode awaitReplayDone(Process run, int port, Path out, Path err) throws Exception {
    Instant deadline = Instant.now().plus(REPLAY_DEADLINE);
    JsonNode status = null;
    while (Instant.now().isBefore(deadline)) {
      if (!run.isAlive()) {
        fail("run exited with %d:%n%s%n%s", run.exitValue(), Files.readString(out),
            Files.readString(err));
      }
      try {
        status = getJson("http://127.0.0.1:" + port + "/api/status");
        if (status.path("replay_done").asBoolean()) {
          return status;
        }
      } catch (IOException notYet) {
        // the API starts with the streams app
      }
      Thread.sleep(500);
    }
    return fail("replay not done within %s; last status %s%n%s%n%s", REPLAY_DEADLINE, status,
        Files.readString(out), Files.readString(err));
  }

  /** prometheus-local.yml, scraping run's port every second, rules by absolute path. */
  private Path prometheusConfig(int port) throws IOException {
    ObjectNode config = (ObjectNode) StackFiles.yaml(StackFiles.PROMETHEUS_LOCAL);
    ObjectNode global = (ObjectNode) config.path("global");
    global.put("scrape_interval", "1s").put("scrape_timeout", "1s")
        .put("evaluation_interval", "1s");
    ArrayNode ruleFiles = config.putArray("rule_files");
    ruleFiles.add(StackFiles.ROOT.resolve("prometheus/rules").toString() + "/*.yml");
    // hermetic: no Alertmanager to notify
    config.remove("alerting");
    int jobs = 0;
    for (JsonNode job : config.path("scrape_configs")) {
      if ("phasewatch".equals(job.path("job_name").asText())) {
        for (JsonNode sc : job.path("static_configs")) {
          ArrayNode targets = ((ObjectNode) sc).putArray("targets");
          targets.add("127.0.0.1:" + port);
          jobs++;
        }
      }
    }
    assertThat(jobs).as("prometheus-local.yml has a phasewatch target").isEqualTo(1);
    Path file = dir.resolve("prometheus.yml");
    // JSON is YAML
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
    return file;
  }

  private static List<String> ruleExpressions() {
    List<String> out = new ArrayList<>();
    for (Path f : StackFiles.files(StackFiles.ROOT.resolve("prometheus/rules"), ".yml")) {
      for (JsonNode group : StackFiles.yaml(f).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          out.add(rule.path("expr").asText());
        }
      }
    }
    return out;
  }

  private static String substitute(String expr, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String value = values.get(name);
      if (value == null) {
        fail("no value for variable $%s in %s", name, expr);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The result vector of an instant query (fails on a query error). */
  private List<JsonNode> query(String prom, String expr) {
    try {
      JsonNode r = getJson(prom + "/api/v1/query?query="
          + URLEncoder.encode(expr, StandardCharsets.UTF_8));
      assertThat(r.path("status").asText()).as("%s: %s", expr, r).isEqualTo("success");
      List<JsonNode> out = new ArrayList<>();
      JsonNode result = r.path("data").path("result");
      if (result.isArray()) {
        result.forEach(out::add);
      } else if (!result.isMissingNode() && !result.isNull()) {
        out.add(result);
      }
      return out;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("query " + expr + " failed", e);
    }
  }

  /** The value of the single series {@code expr} selects. */
  private double value(String prom, String expr) {
    List<JsonNode> r = query(prom, expr);
    assertThat(r).as(expr).hasSize(1);
    return Double.parseDouble(r.get(0).path("value").get(1).asText());
  }

  private JsonNode getJson(String url) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private JsonNode diagnose(Path jar, String... inputs) throws Exception {
    Path out = Files.createTempFile(dir, "diagnose", ".json");
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "diagnose",
        "--json"));
    command.addAll(List.of(inputs));
    Process p = start(dir, out, dir.resolve("diagnose.err"), command.toArray(String[]::new));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("diagnose finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("diagnose.err"))).isZero();
    return JSON.readTree(out.toFile());
  }

  private static List<JsonNode> sortedByFamily(JsonNode families) {
    List<JsonNode> out = new ArrayList<>();
    families.forEach(out::add);
    out.sort(Comparator.comparing(f -> f.path("family").asText()));
    return out;
  }

  private static void awaitTrue(Supplier<Boolean> condition, Duration timeout, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.get()) {
      if (Instant.now().isAfter(deadline)) {
        fail("waited %s for %s", timeout, what);
      }
      Thread.sleep(500);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
