package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.StreamsApp;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.topology.EpochReleases.Release;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The end-to-end scenario on a real broker with exactly-once: the METHOD.md paper panel, the Epoch
 * 2026-04 cohort and one unreadable record go in; the final contents of the three diagnosis topics
 * equal what core.diagnosis computes on the same data, the unreadable record lands in rejected
 * (inside the transaction), and the API answers. Run on the in-JVM KRaft broker by {@link
 * EmbeddedBrokerEndToEndTest} and in a container by {@link ContainerEndToEndTest}.
 */
final class EndToEndScenario {
  private EndToEndScenario() {}

  private static final String COHORT = "epoch";
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  static void run(String bootstrapServers) throws Exception {
    Path stateDir = Files.createTempDirectory("phasewatch-it");
    StreamsSettings settings = StreamsSettings.defaults().with(Map.of(
        "application.id", "phasewatch-it-" + UUID.randomUUID(),
        "bootstrap.servers", bootstrapServers,
        "topic.prefix", "it" + UUID.randomUUID().toString().substring(0, 8),
        "state.dir", stateDir.toString(),
        "http.port", "0",
        "recompute.interval.ms", "500",
        "bootstrap.resamples", "1000",
        "source.priority", "primary"));
    Topics topics = PhasewatchTopology.topics(settings);
    Map<String, String> compact = Map.of("cleanup.policy", "compact");
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(
          topic(topics.scores().name(), 2, compact),
          topic(topics.models().name(), 2, compact),
          topic(topics.rejected().name(), 1, Map.of()),
          topic(topics.familyDiagnosis().name(), 1, compact),
          topic(topics.panelDiagnosis().name(), 1, compact),
          topic(topics.frontierDiagnosis().name(), 1, compact),
          topic(topics.alerts().name(), 1, Map.of()))).all().get();
    }

    try (StreamsApp app = new StreamsApp(settings).start()) {
      produce(bootstrapServers, topics);
      Instant deadline = Instant.now().plus(DEADLINE);
      Map<String, FamilyDiagnosis> families = new TreeMap<>();
      Map<String, PanelDiagnosis> panels = new TreeMap<>();
      Map<String, FrontierDiagnosis> cohorts = new TreeMap<>();
      List<ConsumerRecord<byte[], byte[]>> rejected = new ArrayList<>();
      Expected expected = expected();
      try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
        consumer.subscribe(List.of(topics.familyDiagnosis().name(),
            topics.panelDiagnosis().name(), topics.frontierDiagnosis().name(),
            topics.rejected().name()));
        while (Instant.now().isBefore(deadline)
            && !(families.equals(expected.families())
                && expected.panel().equals(panels.get("base"))
                && expected.frontier().equals(cohorts.get(COHORT)) && !rejected.isEmpty())) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.topic().equals(topics.familyDiagnosis().name())) {
              put(families, key, read(topics.familyDiagnosis().valueSerde(), r));
            } else if (r.topic().equals(topics.panelDiagnosis().name())) {
              put(panels, key, read(topics.panelDiagnosis().valueSerde(), r));
            } else if (r.topic().equals(topics.frontierDiagnosis().name())) {
              put(cohorts, key, read(topics.frontierDiagnosis().valueSerde(), r));
            } else {
              rejected.add(r);
            }
          }
        }
      }
      assertThat(families).isEqualTo(expected.families());
      assertThat(panels).isEqualTo(Map.of("base", expected.panel()));
      assertThat(cohorts).isEqualTo(Map.of(COHORT, expected.frontier()));
      assertThat(rejected).singleElement().satisfies(r -> {
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{garbage");
        assertThat(new String(r.headers().lastHeader("stage").value(), StandardCharsets.UTF_8))
            .isEqualTo("deserialization");
      });

      assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
      HttpResponse<String> panel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + app.httpPort() + "/api/panels/base")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(panel.statusCode()).isEqualTo(200);
      assertThat(panel.body()).contains("\"panel\":\"base\"");
    }
  }

  private static <V> void put(Map<String, V> map, String key, V value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  private static <V> V read(Serde<V> serde,
      ConsumerRecord<byte[], byte[]> r) {
    return serde.deserializer().deserialize(r.topic(), r.value());
  }

  private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
    return new NewTopic(name, partitions, (short) 1).configs(configs);
  }

  private static void produce(String bootstrapServers, Topics topics) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    JsonSerde<ScoreRecord> scores = JsonSerde.of(ScoreRecord.class);
    JsonSerde<ModelRecord> models = JsonSerde.of(ModelRecord.class);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (ModelRecord m : PaperPanel.models()) {
        producer.send(new ProducerRecord<>(topics.models().name(), m.modelId(),
            models.serializer().serialize("", m)));
      }
      for (ScoreRecord s : PaperPanel.scores()) {
        producer.send(new ProducerRecord<>(topics.scores().name(), s.key(),
            scores.serializer().serialize("", s)));
      }
      for (Release r : EpochReleases.of("epoch_hub_2026-04")) {
        ModelRecord m = TopologyFixture.release(r.model(), r.lab(), r.date(), COHORT);
        producer.send(new ProducerRecord<>(topics.models().name(), m.modelId(),
            models.serializer().serialize("", m)));
        for (ScoreRecord s : List.of(
            TopologyFixture.score("primary", r.model(), "swe_bench_verified", r.swe()),
            TopologyFixture.score("primary", r.model(), "gpqa_diamond", r.gpqa()))) {
          producer.send(new ProducerRecord<>(topics.scores().name(), s.key(),
              scores.serializer().serialize("", s)));
        }
      }
      producer.send(new ProducerRecord<>(topics.scores().name(), "x|y|z",
          "{garbage".getBytes(StandardCharsets.UTF_8)));
      producer.flush();
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  record Expected(Map<String, FamilyDiagnosis> families, PanelDiagnosis panel,
      FrontierDiagnosis frontier) {}

  private static Expected expected() {
    DiagnosisConfig config =
        DiagnosisConfig.defaults().withBootstrap(1000, PhasewatchTopology.SEED);
    Map<String, List<BaseModelPoint>> byFamily = PaperPanel.points().stream()
        .collect(Collectors.groupingBy(BaseModelPoint::family, TreeMap::new, Collectors.toList()));
    Map<String, FamilyDiagnosis> families = new TreeMap<>();
    byFamily.forEach((family, pts) -> families.put(family, Diagnoses.family(family, pts, config)));
    List<FrontierRelease> releases = EpochReleases.of("epoch_hub_2026-04").stream()
        .map(r -> new FrontierRelease(r.model(), r.lab(), Optional.of(r.date()), r.swe(),
            r.gpqa(), Map.of()))
        .toList();
    return new Expected(families, Diagnoses.panel("base", PaperPanel.points(), config),
        Diagnoses.frontier(COHORT, releases, config));
  }
}
