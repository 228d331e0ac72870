package io.phasewatch.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stage 1 of the benchmark: the leaderboard published with a plain producer (configured as
 * {@code phasewatch ingest} configures its own: acks=all, idempotent, linger 20 ms, lz4), and read
 * back with a plain consumer. Together they are the machine's limit for moving this data
 * through this broker.
 */
final class RawKafka {
  private RawKafka() {}

  /** Elapsed time and record count of one stage. */
  record Timed(long records, long nanos) {
    double perSecond() {
      return records / (nanos / 1e9);
    }
  }

  static Map<String, Object> producerConfig(String bootstrapServers) {
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    c.put(ProducerConfig.CLIENT_ID_CONFIG, "phasewatch-bench");
    return c;
  }

  static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(producerConfig(bootstrapServers), new StringSerializer(),
        new ByteArraySerializer());
  }

  static byte[] json(Object record) {
    try {
      return Json.mapper().writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes every model, then every score; the time runs until the last is acknowledged. */
  static Timed produce(String bootstrapServers, BenchTopics topics,
      SyntheticLeaderboard board) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      String models = topics.phasewatch().models().name();
      String scores = topics.phasewatch().scores().name();
      for (int i = 0; i < board.workload().models(); i++) {
        ModelRecord m = board.model(i);
        producer.send(new ProducerRecord<>(models, m.modelId(), json(m)), (md, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
      }
      for (long i = 0; i < board.workload().scores(); i++) {
        ScoreRecord s = board.score(i);
        producer.send(new ProducerRecord<>(scores, s.key(), json(s)), (md, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("publishing the leaderboard failed", failure.get());
    }
    return new Timed(board.workload().records(), System.nanoTime() - start);
  }

  /** Reads every record of the input topics from the beginning, committed records only. */
  static Timed consume(String bootstrapServers, BenchTopics topics, long expected) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "phasewatch-bench-reader");
    long start = System.nanoTime();
    long seen = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(topics.phasewatch().models().name(),
          topics.phasewatch().scores().name())) {
        for (PartitionInfo p : consumer.partitionsFor(topic)) {
          partitions.add(new TopicPartition(topic, p.partition()));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (seen < expected) {
        seen += consumer.poll(Duration.ofMillis(200)).count();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("read " + seen + " of " + expected + " records");
        }
      }
    }
    return new Timed(seen, System.nanoTime() - start);
  }
}
