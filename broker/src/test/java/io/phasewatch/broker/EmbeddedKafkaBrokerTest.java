package io.phasewatch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedKafkaBrokerTest {

  @Test
  void transactionalRecordSurvivesRestartOnSameLogDir(@TempDir Path dir) throws Exception {
    String topic = "broker-test-" + System.nanoTime();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      assertThat(broker.createTopic(topic, 1, Map.of("cleanup.policy", "compact"))).isTrue();
      assertThat(broker.createTopic(topic, 1, Map.of("cleanup.policy", "compact")))
          .as("second create is a no-op").isFalse();

      try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "k1", "v1"));
        producer.commitTransaction();
      }
      assertThat(readCommitted(broker, topic, 1)).containsExactly("k1=v1");

      String before = broker.bootstrapServers();
      broker.restart();
      assertThat(broker.isRunning()).isTrue();
      assertThat(broker.bootstrapServers()).isEqualTo(before);
      assertThat(readCommitted(broker, topic, 1)).containsExactly("k1=v1");
      assertThat(cleanupPolicy(broker, topic)).isEqualTo("compact");
    }
    assertThat(dir.resolve("kafka").resolve("meta.properties"))
        .as("a given log dir is kept").exists();
  }

  @Test
  void temporaryBrokerDeletesItsLogDirOnClose() {
    Path logDir;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
      logDir = broker.logDir();
      assertThat(logDir.resolve("meta.properties")).exists();
    }
    assertThat(Files.exists(logDir)).isFalse();
  }

  private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaBroker broker) {
    Map<String, Object> c = new HashMap<>(broker.adminConfig());
    c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "broker-test-tx");
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(c, new StringSerializer(), new StringSerializer());
  }

  private static List<String> readCommitted(EmbeddedKafkaBroker broker, String topic, int expected) {
    Map<String, Object> c = new HashMap<>(broker.adminConfig());
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          seen.add(r.key() + "=" + r.value());
        }
      }
    }
    return seen;
  }

  private static String cleanupPolicy(EmbeddedKafkaBroker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(broker.adminConfig())) {
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      ConfigEntry e = admin.describeConfigs(List.of(r)).all().get().get(r).get("cleanup.policy");
      return e.value();
    }
  }
}
