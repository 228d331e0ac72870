package io.phasewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.core.domain.Json;
import io.phasewatch.ingest.collect.Collectors;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.feed.FeedFiles;
import io.phasewatch.ingest.fetch.SourceFetcher;
import io.phasewatch.ingest.metrics.IngestMetrics;
import io.phasewatch.ingest.publish.Checkpoint;
import io.phasewatch.ingest.publish.KafkaPublisher;
import io.phasewatch.ingest.publish.RunSummary;
import io.phasewatch.ingest.publish.TopicCreator;
import io.phasewatch.ingest.publish.Topics;
import io.phasewatch.ingest.resolve.RowResolver;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Feeds published to an in-JVM broker, read back by a plain consumer. One topic prefix per test. */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IngestIntegrationTest {
  private static EmbeddedKafkaBroker broker;

  @TempDir
  Path dir;
  private Topics topics;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IngestMetrics metrics = new IngestMetrics(registry, "test");

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startTemporary();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void createTopics() {
    topics = new Topics("it-" + UUID.randomUUID().toString().substring(0, 8));
    try (Admin admin = Admin.create(broker.adminConfig())) {
      assertThat(TopicCreator.ensure(admin, topics, 1, Optional.empty())).hasSize(7);
      assertThat(TopicCreator.ensure(admin, topics, 1, Optional.empty())).as("idempotent").isEmpty();
    }
  }

  /** A tiny authoritative csv feed; values are the v1 leaderboard's TruthfulQA (mc2) of Pythia. */
  private Path writeFeed(String csv) throws IOException {
    Files.writeString(dir.resolve("tqa.csv"), csv);
    Files.writeString(dir.resolve("tqa.yaml"), """
        id: it-tqa
        format: csv
        location: tqa.csv
        authoritative: true
        kind: base
        priority: 3
        mapping:
          model: model
          family: family
          evaluated_at: evaluated_at
          scores:
            - {column: truthfulqa, benchmark: truthfulqa, scale: percent, metric: mc2, n_shot: 0}
        """);
    return dir.resolve("tqa.yaml");
  }

  private static final String HEADER = "model,family,truthfulqa,evaluated_at\n";
  private static final String P70 = "EleutherAI/pythia-70m,Pythia,47.06,2023-09-09T10:52:17Z\n";
  private static final String P160 = "EleutherAI/pythia-160m,Pythia,44.26,2023-09-09T10:52:17Z\n";
  private static final String P410 = "EleutherAI/pythia-410m,Pythia,41.22,2024-06-09T14:59:33Z\n";

  private RunSummary run(Path feedFile) throws Exception {
    FeedConfig feed = FeedFiles.load(feedFile);
    Map<String, Object> client = new HashMap<>(broker.adminConfig());
    try (KafkaPublisher publisher = new KafkaPublisher(client, topics)) {
      IngestRun run = new IngestRun(Collectors.builtIn(), RowResolver.defaults(), new SourceFetcher(),
          new Checkpoint.Store(dir.resolve("state")), Optional.of(publisher), publisher.target(),
          Optional.empty(), new PrintStream(OutputStream.nullOutputStream()));
      return run.withMetrics(metrics).run(feed);
    }
  }

  @Test
  void publishesOnceThenOnlyCorrectionsAndRetractions() throws Exception {
    Path feed = writeFeed(HEADER + P70 + P160 + P410);

    RunSummary first = run(feed);
    assertThat(first.scores().published()).isEqualTo(3);
    assertThat(first.models().published()).isEqualTo(3);
    List<ConsumerRecord<String, byte[]>> scores = readAll(topics.scores());
    assertThat(scores).extracting(ConsumerRecord::key, r -> json(r).get("value").asDouble())
        .containsExactlyInAnyOrder(
            tuple("it-tqa|eleutherai/pythia-70m|truthfulqa", 47.06),
            tuple("it-tqa|eleutherai/pythia-160m|truthfulqa", 44.26),
            tuple("it-tqa|eleutherai/pythia-410m|truthfulqa", 41.22));
    ConsumerRecord<String, byte[]> p410 = scores.stream()
        .filter(r -> r.key().contains("pythia-410m")).findFirst().orElseThrow();
    assertThat(json(p410).get("scale").asText()).isEqualTo("percent");
    assertThat(json(p410).get("evaluated_at").asText()).isEqualTo("2024-06-09T14:59:33Z");
    assertThat(header(p410, "source")).isEqualTo("it-tqa");
    assertThat(header(p410, "source-url")).isEqualTo(dir.resolve("tqa.csv").toUri().toString());
    assertThat(header(p410, "fetched-at")).isNotBlank();
    assertThat(header(p410, "priority")).isEqualTo("3");
    assertThat(readAll(topics.models())).extracting(ConsumerRecord::key,
            r -> json(r).get("family").asText(), r -> json(r).get("params_b").asDouble(), r -> json(r).get("kind").asText())
        .containsExactlyInAnyOrder(
            tuple("it-tqa|eleutherai/pythia-70m", "Pythia", 0.07, "base"),
            tuple("it-tqa|eleutherai/pythia-160m", "Pythia", 0.16, "base"),
            tuple("it-tqa|eleutherai/pythia-410m", "Pythia", 0.41, "base"));

    RunSummary second = run(feed);
    assertThat(second.published() + second.corrected() + second.retracted()).isZero();
    assertThat(second.unchanged()).isEqualTo(6);
    assertThat(readAll(topics.scores())).hasSize(3);
    assertThat(readAll(topics.models())).hasSize(3);

    writeFeed(HEADER + P70 + P160.replace("44.26", "44.30") + P410);
    RunSummary third = run(feed);
    assertThat(third.corrected()).isEqualTo(1);
    assertThat(third.published()).isZero();
    List<ConsumerRecord<String, byte[]>> afterCorrection = readAll(topics.scores());
    assertThat(afterCorrection).hasSize(4);
    assertThat(afterCorrection.get(3).key()).isEqualTo("it-tqa|eleutherai/pythia-160m|truthfulqa");
    assertThat(json(afterCorrection.get(3)).get("value").asDouble()).isEqualTo(44.30);

    writeFeed(HEADER + P70 + P160.replace("44.26", "44.30"));
    RunSummary fourth = run(feed);
    assertThat(fourth.retracted()).isEqualTo(1);
    List<ConsumerRecord<String, byte[]>> afterRetraction = readAll(topics.scores());
    assertThat(afterRetraction).hasSize(5);
    assertThat(afterRetraction.get(4).key()).isEqualTo("it-tqa|eleutherai/pythia-410m|truthfulqa");
    assertThat(afterRetraction.get(4).value()).as("tombstone").isNull();
    assertThat(readAll(topics.models())).as("models are never retracted").hasSize(3);

    // what the four runs sent (or found unchanged), summed: scores and models together
    assertThat(counted(IngestMetrics.RECORDS, "kind", "published")).isEqualTo(6.0);   // run 1: 3 + 3
    assertThat(counted(IngestMetrics.RECORDS, "kind", "corrected")).isEqualTo(1.0);   // run 3: 160m
    assertThat(counted(IngestMetrics.RECORDS, "kind", "retracted")).isEqualTo(1.0);   // run 4: 410m
    // run 2: 3 + 3; run 3: 2 scores + 3 models; run 4: 2 scores + 2 models (410m's model is dropped)
    assertThat(counted(IngestMetrics.RECORDS, "kind", "unchanged")).isEqualTo(15.0);
    assertThat(counted(IngestMetrics.RUNS, "kind", "ok")).isEqualTo(4.0);
    assertThat(counted(IngestMetrics.RUNS, "kind", "failed")).isZero();
    assertThat(registry.find(IngestMetrics.REJECTED).counters()).allSatisfy(c -> assertThat(c.count()).isZero());
  }

  @Test
  void aRunThatCannotReadItsSourceCountsAsFailed() throws Exception {
    Path feed = writeFeed(HEADER + P70);
    Files.delete(dir.resolve("tqa.csv"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(feed)).isInstanceOf(IngestException.class);
    assertThat(counted(IngestMetrics.RUNS, "kind", "failed")).isEqualTo(1.0);
    assertThat(counted(IngestMetrics.RUNS, "kind", "ok")).isZero();
    assertThat(registry.get(IngestMetrics.LAST_SUCCESS).gauge().value()).isNaN();
  }

  @Test
  void publishesTheGoodRowsAndRejectsTheBrokenOnesWithReasons() throws Exception {
    Path feed = writeFeed(HEADER + P70
        + "EleutherAI/pythia-160m,Pythia,forty-four,2023-09-09T10:52:17Z\n"
        + ",Pythia,40.0,2023-09-09T10:52:17Z\n"
        + "EleutherAI/pythia-410m,Pythia,141.22,2024-06-09T14:59:33Z\n"
        + "EleutherAI/pythia-1b,Pythia\n"
        + "EleutherAI/pythia-1.4b,Pythia,38.66,not a date\n");

    RunSummary summary = run(feed);
    assertThat(summary.scores().published()).isEqualTo(1);
    assertThat(summary.rejectedByReason()).containsOnly(
        Map.entry("not_a_number", 1L), Map.entry("missing_model", 1L), Map.entry("out_of_range", 1L),
        Map.entry("malformed_row", 1L), Map.entry("bad_date", 1L));
    assertThat(readAll(topics.scores())).extracting(ConsumerRecord::key)
        .containsExactly("it-tqa|eleutherai/pythia-70m|truthfulqa");

    List<ConsumerRecord<String, byte[]>> rejected = readAll(topics.rejected());
    assertThat(rejected).extracting(r -> header(r, "reason"), r -> header(r, "stage"), r -> header(r, "line"), ConsumerRecord::key)
        .containsExactlyInAnyOrder(
            tuple("not_a_number", "parse", "3", "it-tqa|3"),
            tuple("missing_model", "parse", "4", "it-tqa|4"),
            tuple("out_of_range", "validate", "5", "it-tqa|eleutherai/pythia-410m|truthfulqa"),
            tuple("malformed_row", "parse", "6", "it-tqa|6"),
            tuple("bad_date", "parse", "7", "it-tqa|7"));
    assertThat(rejected).allSatisfy(r -> {
      assertThat(header(r, "source")).isEqualTo("it-tqa");
      assertThat(header(r, "feed")).isEqualTo(dir.resolve("tqa.csv").toUri().toString());
    });
    ConsumerRecord<String, byte[]> nan = rejected.stream().filter(r -> header(r, "line").equals("3")).findFirst().orElseThrow();
    assertThat(new String(nan.value(), StandardCharsets.UTF_8))
        .isEqualTo("EleutherAI/pythia-160m,Pythia,forty-four,2023-09-09T10:52:17Z");

    RunSummary again = run(feed);
    assertThat(again.rejected()).as("still counted").isEqualTo(5);
    assertThat(readAll(topics.rejected())).as("but not sent twice").hasSize(5);
    for (String reason : List.of("not_a_number", "missing_model", "out_of_range", "malformed_row", "bad_date")) {
      assertThat(counted(IngestMetrics.REJECTED, "reason", reason)).as("%s: counted as sent, once", reason)
          .isEqualTo(1.0);
    }
    // 70m's score; the models of 70m and of 410m (its row was read, only its score is out of range)
    assertThat(counted(IngestMetrics.RECORDS, "kind", "published")).isEqualTo(3.0);
    assertThat(counted(IngestMetrics.RECORDS, "kind", "unchanged")).as("the same three, run 2").isEqualTo(3.0);
  }

  private double counted(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }

  private static JsonNode json(ConsumerRecord<String, byte[]> r) {
    try {
      return Json.mapper().readTree(r.value());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Every record of a one-partition topic, from the beginning to its current end. */
  private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    Map<String, Object> c = new HashMap<>(broker.adminConfig());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
             new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(tp) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
