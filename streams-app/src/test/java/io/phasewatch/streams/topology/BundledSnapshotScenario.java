package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.ingest.IngestRun;
import io.phasewatch.ingest.collect.Collectors;
import io.phasewatch.ingest.feed.FeedFiles;
import io.phasewatch.ingest.fetch.SourceFetcher;
import io.phasewatch.ingest.publish.Checkpoint;
import io.phasewatch.ingest.publish.KafkaPublisher;
import io.phasewatch.ingest.publish.RunSummary;
import io.phasewatch.ingest.publish.TopicCreator;
import io.phasewatch.ingest.resolve.RowResolver;
import io.phasewatch.streams.StreamsApp;
import io.phasewatch.streams.config.StreamsSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * The bundled snapshot end to end on a real broker with exactly-once: every {@code
 * feeds/bundled-*.yaml} feed (reading {@code data/bundled/*.csv}) goes in through the ingest code
 * ({@link IngestRun} with a {@link KafkaPublisher}), the streams app runs, and the final contents
 * of the three diagnosis topics equal, record for record, what the core.diagnosis facade computes
 * on the same files read the way {@code phasewatch diagnose} reads them: one diagnosis per family
 * of {@code base_models.csv}, its rows pooled as {@code pooled}, the paper's 14 models as {@code
 * paper-panel}, and one cohort per frontier file named after it. The expected side reads the CSV
 * files itself (a second reader, not the ingest code). Run on the in-JVM KRaft broker by {@link
 * EmbeddedBrokerBundledSnapshotTest} and in a container by {@link ContainerBundledSnapshotTest}.
 */
final class BundledSnapshotScenario {
  private BundledSnapshotScenario() {}

  private static final Duration DEADLINE = Duration.ofSeconds(180);
  /** As {@code phasewatch diagnose}: 10,000 resamples, seed 42. */
  private static final int RESAMPLES = 10_000;
  private static final List<String> BASE_EXTRAS = List.of("arc", "winogrande", "mmlu", "gsm8k");
  private static final List<String> FRONTIER_EXTRAS = List.of("hle", "ifeval");

  static void run(String bootstrapServers) throws Exception {
    Path root = projectRoot();
    Path work = Files.createTempDirectory("phasewatch-bundled-it");
    String prefix = "bundled" + UUID.randomUUID().toString().substring(0, 8);
    StreamsSettings settings = StreamsSettings.defaults().with(Map.of(
        "application.id", "phasewatch-bundled-it-" + UUID.randomUUID(),
        "bootstrap.servers", bootstrapServers,
        "topic.prefix", prefix,
        "state.dir", work.resolve("streams").toString(),
        "http.port", "0",
        "recompute.interval.ms", "500",
        "bootstrap.resamples", Integer.toString(RESAMPLES),
        "panels", "pooled,paper-panel",
        "panel.paper-panel.cohort", "paper-panel"));
    io.phasewatch.ingest.publish.Topics ingestTopics =
        new io.phasewatch.ingest.publish.Topics(prefix);
    Map<String, Object> client = new HashMap<>();
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(client)) {
      TopicCreator.ensure(admin, ingestTopics, 2, Optional.of((short) 1));
    }

    Expected expected = expected(root);
    Topics topics = PhasewatchTopology.topics(settings);
    try (StreamsApp app = new StreamsApp(settings).start()) {
      List<RunSummary> runs = ingest(root, client, ingestTopics, work.resolve("ingest"));
      assertThat(runs).hasSize(5)
          .allSatisfy(s -> assertThat(s.rejectedByReason()).as(s.feed()).isEmpty());

      Map<String, FamilyDiagnosis> families = new TreeMap<>();
      Map<String, PanelDiagnosis> panels = new TreeMap<>();
      Map<String, FrontierDiagnosis> cohorts = new TreeMap<>();
      Instant deadline = Instant.now().plus(DEADLINE);
      try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
        consumer.subscribe(List.of(topics.familyDiagnosis().name(),
            topics.panelDiagnosis().name(), topics.frontierDiagnosis().name()));
        while (Instant.now().isBefore(deadline) && !(families.equals(expected.families())
            && panels.equals(expected.panels()) && cohorts.equals(expected.cohorts()))) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.topic().equals(topics.familyDiagnosis().name())) {
              put(families, key, read(topics.familyDiagnosis().valueSerde(), r));
            } else if (r.topic().equals(topics.panelDiagnosis().name())) {
              put(panels, key, read(topics.panelDiagnosis().valueSerde(), r));
            } else {
              put(cohorts, key, read(topics.frontierDiagnosis().valueSerde(), r));
            }
          }
        }
      }
      assertThat(families.keySet()).isEqualTo(expected.families().keySet());
      expected.families().forEach((family, d) ->
          assertThat(families.get(family)).as("family %s", family).isEqualTo(d));
      assertThat(panels.keySet()).isEqualTo(expected.panels().keySet());
      expected.panels().forEach((panel, d) ->
          assertThat(panels.get(panel)).as("panel %s", panel).isEqualTo(d));
      assertThat(cohorts.keySet()).isEqualTo(expected.cohorts().keySet());
      expected.cohorts().forEach((cohort, d) ->
          assertThat(cohorts.get(cohort)).as("cohort %s", cohort).isEqualTo(d));
      assertThat(app.rejections().counts()).isEmpty();
    }
  }

  /** Every bundled feed, published through the ingest code in file-name order. */
  private static List<RunSummary> ingest(Path root, Map<String, Object> client,
      io.phasewatch.ingest.publish.Topics topics, Path state) throws Exception {
    List<Path> feeds;
    try (Stream<Path> s = Files.list(root.resolve("feeds"))) {
      feeds = s.filter(p -> p.getFileName().toString().matches("bundled-.*\\.yaml"))
          .sorted().toList();
    }
    List<RunSummary> runs = new ArrayList<>();
    try (KafkaPublisher publisher = new KafkaPublisher(client, topics)) {
      IngestRun run = new IngestRun(Collectors.builtIn(), RowResolver.defaults(),
          new SourceFetcher(), new Checkpoint.Store(state), Optional.of(publisher),
          publisher.target(), Optional.empty(), new PrintStream(OutputStream.nullOutputStream()));
      for (Path feed : feeds) {
        runs.add(run.run(FeedFiles.load(feed)));
      }
    }
    return runs;
  }

  record Expected(Map<String, FamilyDiagnosis> families, Map<String, PanelDiagnosis> panels,
      Map<String, FrontierDiagnosis> cohorts) {}

  /** What the facade computes on the files, grouped as {@code phasewatch diagnose} groups them. */
  private static Expected expected(Path root) throws IOException {
    DiagnosisConfig config =
        DiagnosisConfig.defaults().withBootstrap(RESAMPLES, PhasewatchTopology.SEED);
    Path data = root.resolve("data").resolve("bundled");
    List<BaseModelPoint> base = basePoints(data.resolve("base_models.csv"));
    Map<String, List<BaseModelPoint>> byFamily = new TreeMap<>();
    base.forEach(p -> byFamily.computeIfAbsent(p.family(), f -> new ArrayList<>()).add(p));
    Map<String, FamilyDiagnosis> families = new TreeMap<>();
    byFamily.forEach((family, pts) -> families.put(family, Diagnoses.family(family, pts, config)));
    Map<String, PanelDiagnosis> panels = new TreeMap<>();
    panels.put("pooled", Diagnoses.panel("pooled", base, config));
    panels.put("paper-panel", Diagnoses.panel("paper-panel",
        basePoints(data.resolve("paper_panel.csv")), config));
    Map<String, FrontierDiagnosis> cohorts = new TreeMap<>();
    for (String cohort : List.of("frontier", "frontier_epoch_2026-01", "frontier_epoch_2026-04")) {
      cohorts.put(cohort, Diagnoses.frontier(cohort,
          frontierReleases(data.resolve(cohort + ".csv")), config));
    }
    assertThat(families).hasSize(30);
    assertThat(panels.get("pooled").n()).isEqualTo(114);
    assertThat(panels.get("paper-panel").n()).isEqualTo(14);
    return new Expected(families, panels, cohorts);
  }

  private static List<BaseModelPoint> basePoints(Path csv) throws IOException {
    List<BaseModelPoint> out = new ArrayList<>();
    for (Map<String, String> row : rows(csv)) {
      Map<String, Double> extras = new TreeMap<>();
      BASE_EXTRAS.forEach(axis -> number(row, axis).ifPresent(v -> extras.put(axis, v)));
      String width = row.getOrDefault("d_model", "");
      out.add(new BaseModelPoint(row.get("model"), row.get("family"),
          Double.parseDouble(row.get("params_b")), Double.parseDouble(row.get("hellaswag")),
          Double.parseDouble(row.get("truthfulqa")),
          width.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(width)),
          extras));
    }
    return out;
  }

  private static List<FrontierRelease> frontierReleases(Path csv) throws IOException {
    List<FrontierRelease> out = new ArrayList<>();
    for (Map<String, String> row : rows(csv)) {
      Map<String, Double> extras = new TreeMap<>();
      FRONTIER_EXTRAS.forEach(axis -> number(row, axis).ifPresent(v -> extras.put(axis, v)));
      String date = row.get("release_date");
      out.add(new FrontierRelease(row.get("model"), row.get("lab"),
          date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date)),
          Double.parseDouble(row.get("swe_bench_verified")),
          Double.parseDouble(row.get("gpqa_diamond")), extras));
    }
    return out;
  }

  /** The bundled files have a header and no quoted cells (data/CURATION.md). */
  private static List<Map<String, String>> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i].trim());
      }
      out.add(row);
    }
    return out;
  }

  private static Optional<Double> number(Map<String, String> row, String column) {
    String v = row.getOrDefault(column, "");
    return v.isEmpty() ? Optional.empty() : Optional.of(Double.parseDouble(v));
  }

  /** The repository root: the nearest folder above the working directory with feeds/ and data/. */
  static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("feeds")) && Files.isDirectory(dir.resolve("data"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root with feeds/ and data/ above "
        + Path.of("").toAbsolutePath());
  }

  private static <V> void put(Map<String, V> map, String key, V value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  private static <V> V read(Serde<V> serde, ConsumerRecord<byte[], byte[]> r) {
    return r.value() == null ? null : serde.deserializer().deserialize(r.topic(), r.value());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bundled-it-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
