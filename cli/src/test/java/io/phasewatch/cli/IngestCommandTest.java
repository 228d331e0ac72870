package io.phasewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine cl = new CommandLine(new IngestCommand(o, e));
    cl.setErr(new java.io.PrintWriter(e, true));
    return cl.execute(args);
  }

  @Test
  void dryRunPrintsTypedJsonLinesOnStdoutAndTheSummaryOnStderr(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("tqa.csv"),
        "model,truthfulqa\nEleutherAI/pythia-410m,41.22\nEleutherAI/pythia-70m,oops\n");
    Path mapping = Files.writeString(dir.resolve("m.yaml"),
        "model: model\nscores:\n  - {column: truthfulqa, scale: percent, metric: mc2, n_shot: 0}\n");

    int code = run("--dry-run", "--format", "csv", "--location", csv.toString(), "--mapping", mapping.toString(),
        "--state-dir", dir.resolve("state").toString());

    assertThat(code).isZero();
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines).extracting(n -> n.get("type").asText()).containsExactly("model", "score");
    JsonNode model = lines.get(0);
    assertThat(model.get("model_id").asText()).isEqualTo("eleutherai/pythia-410m");
    assertThat(model.get("family").asText()).isEqualTo("Pythia");
    assertThat(model.get("params_b").asDouble()).isEqualTo(0.41);
    assertThat(model.get("kind").asText()).isEqualTo("base");
    JsonNode score = lines.get(1);
    assertThat(score.get("source").asText()).isEqualTo("csv-tqa");
    assertThat(score.get("benchmark").asText()).isEqualTo("truthfulqa");
    assertThat(score.get("value").asDouble()).isEqualTo(41.22);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(stderr).contains("feed csv-tqa: would publish 2 (scores 1, models 1)")
        .contains("rejected 1 (not_a_number 1)")
        .contains("line 3 (not_a_number, parse)");
    assertThat(dir.resolve("state")).as("a dry run keeps no checkpoint").doesNotExist();
  }

  @Test
  void refusesToRunWithoutAFeed() {
    assertThat(run("--dry-run")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to ingest");
  }

  @Test
  void refusesAnInlineCsvFeedWithoutMappingAndUnknownFormats(@TempDir Path dir) {
    assertThat(run("--dry-run", "--format", "csv", "--location", "x.csv")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--mapping");
    assertThat(run("--dry-run", "--format", "xls", "--location", "x.xls")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown format 'xls'");
  }

  @Test
  void aFeedThatCannotBeReadFailsTheRunWithExitCodeOne(@TempDir Path dir) {
    assertThat(run("--dry-run", "--format", "jsonl", "--location", dir.resolve("missing.jsonl").toString()))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("feed jsonl-missing failed");
  }

  private static final Pattern SERVING = Pattern.compile("ingest metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A csv feed file of one good row (pythia-410m) and one with a broken value (pythia-70m). */
  private static Path tqaFeed(Path dir) throws IOException {
    Files.writeString(dir.resolve("tqa.csv"),
        "model,truthfulqa\nEleutherAI/pythia-410m,41.22\nEleutherAI/pythia-70m,oops\n");
    return Files.writeString(dir.resolve("tqa.yaml"), """
        id: tqa
        format: csv
        location: tqa.csv
        kind: base
        mapping:
          model: model
          scores:
            - {column: truthfulqa, scale: percent, metric: mc2, n_shot: 0}
        """);
  }

  private int servedPort() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(err.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no metrics address on stderr: " + err.toString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> scrape(int port) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the sample whose line starts with {@code series} (name and labels as Prometheus writes them). */
  private static double sample(String body, String series) {
    for (String line : body.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError("no sample " + series + " in\n" + body);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void withEveryItServesTheRunsCountersOnMetricsUntilStopped(@TempDir Path dir) throws Exception {
    Path feed = tqaFeed(dir);
    AtomicInteger code = new AtomicInteger(-99);
    Thread command = new Thread(() -> code.set(run("--dry-run", "--every", "1h", "--metrics-port", "0",
        "--metrics-host", "127.0.0.1", "--state-dir", dir.resolve("state").toString(), "--feed", feed.toString(),
        "--format", "jsonl", "--location", dir.resolve("missing.jsonl").toString())), "ingest-under-test");
    command.start();
    int port = servedPort();

    // both feeds run at once in the first round: tqa succeeds, the missing jsonl file fails
    String body = "";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = scrape(port);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      body = r.body();
      if (body.contains("phasewatch_ingest_runs_total{kind=\"ok\"} 1")
          && body.contains("phasewatch_ingest_runs_total{kind=\"failed\"} 1")) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(sample(body, "phasewatch_ingest_runs_total{kind=\"ok\"}")).isEqualTo(1.0);
    assertThat(sample(body, "phasewatch_ingest_runs_total{kind=\"failed\"}")).isEqualTo(1.0);
    // would publish: pythia-410m's score and model; pythia-70m's row is rejected before it is a model
    assertThat(sample(body, "phasewatch_ingest_records_total{kind=\"published\"}")).isEqualTo(2.0);
    assertThat(sample(body, "phasewatch_ingest_records_total{kind=\"corrected\"}")).isZero();
    assertThat(sample(body, "phasewatch_ingest_records_total{kind=\"unchanged\"}")).isZero();
    assertThat(sample(body, "phasewatch_ingest_records_total{kind=\"retracted\"}")).isZero();
    assertThat(sample(body, "phasewatch_rejected_total{reason=\"not_a_number\"}")).isEqualTo(1.0);
    assertThat(sample(body, "phasewatch_rejected_total{reason=\"out_of_range\"}")).isZero();
    assertThat(sample(body, "phasewatch_ingest_run_seconds_count{kind=\"ok\"}")).isEqualTo(1.0);
    assertThat(sample(body, "phasewatch_ingest_run_seconds_count{kind=\"failed\"}")).isEqualTo(1.0);
    double lastSuccess = sample(body, "phasewatch_ingest_last_success_timestamp_seconds");
    assertThat(lastSuccess).isBetween(System.currentTimeMillis() / 1000.0 - 120, System.currentTimeMillis() / 1000.0);
    assertThat(sample(body, "phasewatch_build_info{version=\"" + VersionProvider.version() + "\"}")).isEqualTo(1.0);
    assertThat(body).as("the feed id is no label").doesNotContain("feed=").doesNotContain("tqa");

    command.interrupt();
    command.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(command.isAlive()).isFalse();
    assertThat(code.get()).isZero();
    assertThatThrownBy(() -> scrape(port)).as("stopped serving").isInstanceOf(ConnectException.class);
  }

  @Test
  void withOnceItServesUntilTheRunEndsOnly(@TempDir Path dir) throws Exception {
    int code = run("--dry-run", "--once", "--metrics-port", "0", "--metrics-host", "127.0.0.1",
        "--state-dir", dir.resolve("state").toString(), "--feed", tqaFeed(dir).toString());

    assertThat(code).isZero();
    assertThatThrownBy(() -> scrape(servedPort())).isInstanceOf(ConnectException.class);
  }

  @Test
  void aMetricsPortInUseIsReportedWithExitCodeOne(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code = run("--dry-run", "--metrics-port", Integer.toString(taken.getLocalPort()),
          "--metrics-host", "127.0.0.1", "--state-dir", dir.resolve("state").toString(),
          "--feed", tqaFeed(dir).toString());

      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("cannot serve /metrics on 127.0.0.1:" + taken.getLocalPort());
      assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing ran").isEmpty();
    }
  }

  @Test
  void withoutAMetricsPortNothingIsServed(@TempDir Path dir) throws Exception {
    assertThat(run("--dry-run", "--state-dir", dir.resolve("state").toString(), "--feed", tqaFeed(dir).toString()))
        .isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("metrics");
  }
}
