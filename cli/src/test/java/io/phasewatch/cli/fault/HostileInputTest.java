package io.phasewatch.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.cli.bench.CatchUp;
import io.phasewatch.cli.IngestCommand;
import io.phasewatch.cli.fault.Fixture.Entry;
import io.phasewatch.cli.fault.Fixture.Outputs;
import io.phasewatch.cli.fault.HostileInput.Hostile;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.streams.StreamsApp;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.topology.PhasewatchTopology;
import io.phasewatch.streams.topology.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A stream of more than 10,000 records, most of them malformed or hostile, mixed with valid ones:
 * every bad record lands in {@code rejected} with a reason, every valid one is reflected in the
 * diagnoses (they equal both direct computation and a run on the valid records alone), and the
 * application never stops. The same records as lines of a JSON Lines feed go through {@code
 * phasewatch ingest}: the bad ones are rejected with reasons, and nothing crashes.
 */
@Tag("fault")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HostileInputTest {
  private static final int BAD_RECORDS = 9_200;

  @TempDir
  static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static final HostileInput INPUT = new HostileInput(20261127L, BAD_RECORDS);

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startTemporary();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void streamsAppRejectsEveryBadRecordWithAReasonAndReflectsEveryValidOne() throws Exception {
    List<Hostile> stream = INPUT.stream;
    assertThat(stream).hasSizeGreaterThan(10_000);
    List<Entry> valid = stream.stream().filter(h -> !h.bad()).map(Hostile::entry).toList();
    Outputs expected = Fixture.uninterrupted(broker, List.of(valid), 2, dir).get(0);

    String servers = broker.bootstrapServers();
    String prefix = Fixture.uniquePrefix("hostile");
    Topics topics = Fixture.createTopics(broker, prefix, 2);
    StreamsSettings settings = StreamsSettings.defaults().with(
        Fixture.settings(servers, prefix + "-app", prefix, dir.resolve(prefix)));
    Set<KafkaStreams.State> seen = ConcurrentHashMap.newKeySet();
    Outputs actual;
    String metrics;
    try (StreamsApp app = new StreamsApp(settings).start()) {
      Thread watcher = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          seen.add(app.state());
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "state-watcher");
      watcher.setDaemon(true);
      watcher.start();
      Fixture.publish(servers, topics, stream.stream().map(Hostile::entry).toList(),
          Duration.ZERO);
      try (CatchUp catchUp = new CatchUp(servers, settings.applicationId(),
          List.of(topics.scores().name(), topics.models().name()))) {
        catchUp.awaitZeroLag(Duration.ofSeconds(120),
            () -> app.state() != KafkaStreams.State.ERROR);
      }
      actual = Fixture.awaitOutputs(servers, topics, expected::equals, Duration.ofSeconds(60));
      metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + app.httpPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      watcher.interrupt();
      assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    assertThat(actual.families()).isEqualTo(expected.families());
    assertThat(actual.panels()).isEqualTo(expected.panels());
    assertThat(actual.cohorts()).isEqualTo(expected.cohorts());
    DiagnosisConfig config = DiagnosisConfig.defaults()
        .withBootstrap(Fixture.RESAMPLES, PhasewatchTopology.SEED);
    Map<String, FamilyDiagnosis> direct = new TreeMap<>();
    for (Map.Entry<String, List<BaseModelPoint>> e : INPUT.expectedFamilies().entrySet()) {
      direct.put(e.getKey(), Diagnoses.family(e.getKey(), e.getValue(), config));
    }
    assertThat(actual.families()).isEqualTo(direct).containsKey(HostileInput.UNICODE_FAMILY);

    assertThat(seen).as("states seen while the hostile stream was processed")
        .doesNotContain(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);
    assertThat(metrics).as("no stream thread failed")
        .containsPattern("(?m)^kafka_stream_failed_stream_threads_total\\{[^}]*\\} 0\\.0$")
        .containsPattern("(?m)^kafka_stream_alive_stream_threads\\{[^}]*\\} 1\\.0$");

    Map<String, Integer> wanted = new HashMap<>();
    Map<String, String> categoryOf = new HashMap<>();
    for (Hostile h : stream) {
      if (h.bad()) {
        String id = identity(h.entry().key(), h.entry().value());
        wanted.merge(id, 1, Integer::sum);
        categoryOf.put(id, h.category());
      }
    }
    List<ConsumerRecord<String, byte[]>> rejected =
        Fixture.readAll(servers, List.of(topics.rejected().name()));
    Map<String, Integer> got = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : rejected) {
      assertThat(header(r, "reason")).as("reason of a rejected record").isNotBlank();
      assertThat(header(r, "stage")).isIn("deserialization", "validation", "processing");
      got.merge(identity(r.key(), r.value()), 1, Integer::sum);
    }
    Map<String, Long> missingByCategory = wanted.entrySet().stream()
        .filter(e -> got.getOrDefault(e.getKey(), 0) < e.getValue())
        .collect(Collectors.groupingBy(e -> categoryOf.get(e.getKey()), TreeMap::new,
            Collectors.counting()));
    assertThat(missingByCategory).as("bad records not in rejected, by category").isEmpty();
    assertThat(rejected).as("only bad records are rejected").hasSize((int) INPUT.badCount());
  }

  @Test
  void ingestRejectsTheHostileLinesWithReasonsAndNeverCrashes() throws Exception {
    List<String> lines = new ArrayList<>();
    List<Hostile> asLines = new ArrayList<>();
    for (Hostile h : INPUT.stream) {
      if (h.line().isPresent()) {
        lines.add(h.line().get());
        asLines.add(h);
      }
    }
    assertThat(lines).hasSizeGreaterThan(9_000);
    Path feed = Files.write(dir.resolve("hostile.jsonl"), lines, StandardCharsets.UTF_8);

    Run dry = ingest("--dry-run", "--format", "jsonl", "--location", feed.toString(),
        "--id", "hostile", "--state-dir", dir.resolve("ingest-dry").toString());
    assertThat(dry.code()).as("exit code; stderr:\n%s", dry.errTail()).isZero();
    Set<Integer> rejectedLines = new java.util.TreeSet<>();
    Matcher m = Pattern.compile("(?m)^rejected hostile line (\\d+) \\(([a-z_]+), ([a-z_]+)\\)")
        .matcher(dry.err());
    while (m.find()) {
      rejectedLines.add(Integer.parseInt(m.group(1)));
    }
    Map<String, Long> notRejected = new TreeMap<>();
    for (int i = 0; i < asLines.size(); i++) {
      if (asLines.get(i).ingestRejects() && !rejectedLines.contains(i + 1)) {
        notRejected.merge(asLines.get(i).category(), 1L, Long::sum);
      }
    }
    assertThat(notRejected).as("bad lines ingest accepted, by category").isEmpty();
    assertThat(dry.err()).contains("feed hostile");

    Run published = ingest("--format", "jsonl", "--location", feed.toString(), "--id", "hostile",
        "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix",
        Fixture.uniquePrefix("ingest"), "--state-dir", dir.resolve("ingest").toString());
    assertThat(published.code()).as("exit code; stderr:\n%s", published.errTail()).isZero();
  }

  private record Run(int code, String out, String err) {
    String errTail() {
      return err.length() <= 3000 ? err : err.substring(err.length() - 3000);
    }
  }

  private static Run ingest(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine cl = new CommandLine(new IngestCommand(o, e));
    cl.setErr(new PrintWriter(e, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String identity(String key, byte[] value) {
    return key + "\u0000" + (value == null ? "null" : Base64.getEncoder().encodeToString(value));
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
  }
}
