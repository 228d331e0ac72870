package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.StreamsApp;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.serde.JsonSerde;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hooks a command embedding the app ({@code phasewatch run}) uses: a shared registry it
 * keeps, an extra JSON route, the partitions the app reads, and the debounced recomputations
 * still pending.
 */
@Tag("integration")
class StreamsAppEmbeddingTest {

  @Test
  @Timeout(180)
  void reportsItsInputsAndPendingWorkAndSharesTheRegistry() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
      String prefix = "emb" + UUID.randomUUID().toString().substring(0, 8);
      StreamsSettings settings = StreamsSettings.defaults().with(Map.of(
          "application.id", "phasewatch-emb-" + UUID.randomUUID(),
          "bootstrap.servers", broker.bootstrapServers(),
          "topic.prefix", prefix,
          "state.dir", Files.createTempDirectory("phasewatch-emb").toString(),
          "http.port", "0",
          "recompute.interval.ms", "2000",
          "bootstrap.resamples", "200"));
      Map<String, String> compact = Map.of("cleanup.policy", "compact");
      for (String t : new String[] {"scores", "models", "family-diagnosis", "panel-diagnosis",
          "frontier-diagnosis"}) {
        broker.createTopic(prefix + "." + t + ".v1", 1, compact);
      }
      broker.createTopic(prefix + ".rejected.v1", 1, Map.of());
      broker.createTopic(prefix + ".alerts.v1", 1, Map.of());
      String scoresTopic = prefix + ".scores.v1";
      String modelsTopic = prefix + ".models.v1";

      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Map<String, java.util.function.Supplier<?>> routes =
          Map.of("/api/status", () -> Map.of("ok", true));
      StreamsApp app = new StreamsApp(settings, registry, "7.7.7", routes).start();
      try {
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.httpPort() + "/api/status")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).isEqualTo("{\"ok\":true}");

        await(() -> !app.inputPartitions().isEmpty(), "tasks assigned");
        Set<TopicPartition> inputs = app.inputPartitions();
        assertThat(inputs).contains(new TopicPartition(scoresTopic, 0),
            new TopicPartition(modelsTopic, 0));
        assertThat(inputs).anyMatch(tp -> tp.topic().startsWith(settings.applicationId() + "-")
            && tp.topic().endsWith("-repartition"));
        assertThat(inputs).noneMatch(tp -> tp.topic().equals(prefix + ".panel-diagnosis.v1"));

        assertThat(app.pendingRecomputations()).isZero();
        produce(broker.bootstrapServers(), scoresTopic, modelsTopic);
        // the panel (and the families of 4 or more sizes) wait for the next punctuation (2 s)
        await(() -> pending(app) > 0, "the panel marked for recomputation");
        await(() -> {
          try {
            PanelDiagnosis base = app.stores().<PanelDiagnosis>keyValueStore(
                Names.PANEL_DIAGNOSIS_STORE).get("base");
            return base != null && base.n() == 14 && app.pendingRecomputations() == 0;
          } catch (InvalidStateStoreException notYet) {
            return false;
          }
        }, "the panel diagnosed and nothing pending");
        // the gauge is set just after the store write, on the stream thread: wait for it
        await(() -> registry.scrape().contains("phasewatch_panel_models{panel=\"base\"} 14.0"),
            "the panel's gauges set");
        assertThat(registry.scrape()).contains("phasewatch_build_info{version=\"7.7.7\"} 1");
      } finally {
        app.close();
      }
      // the registry is the caller's: still open, without the app's meters
      assertThat(registry.isClosed()).isFalse();
      assertThat(registry.scrape()).doesNotContain("phasewatch_panel_models");
      registry.close();
    }
  }

  private static long pending(StreamsApp app) {
    try {
      return app.pendingRecomputations();
    } catch (InvalidStateStoreException notYet) {
      return -1;
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for: %s", what).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private static void produce(String bootstrapServers, String scoresTopic, String modelsTopic) {
    JsonSerde<ScoreRecord> scores = JsonSerde.of(ScoreRecord.class);
    JsonSerde<ModelRecord> models = JsonSerde.of(ModelRecord.class);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new StringSerializer(), new ByteArraySerializer())) {
      for (ModelRecord m : PaperPanel.models()) {
        producer.send(new ProducerRecord<>(modelsTopic, m.modelId(),
            models.serializer().serialize("", m)));
      }
      for (ScoreRecord s : PaperPanel.scores()) {
        producer.send(new ProducerRecord<>(scoresTopic, s.key(),
            scores.serializer().serialize("", s)));
      }
      producer.flush();
    }
  }
}
