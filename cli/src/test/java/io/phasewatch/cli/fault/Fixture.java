package io.phasewatch.cli.fault;

import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.cli.bench.CatchUp;
import io.phasewatch.cli.bench.SyntheticLeaderboard;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.StreamsApp;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/** What the fault tests share: topics, settings, input records, reading the final diagnoses. */
final class Fixture {
  private Fixture() {}

  /** Panels and cohorts are recomputed this often in the tests (the default is 30 s). */
  static final Duration RECOMPUTE = Duration.ofMillis(500);
  static final int RESAMPLES = 200;
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  /** One input record: a model or a score, its key, its value bytes (null for a tombstone). */
  record Entry(boolean model, String key, byte[] value) {
    static Entry of(ModelRecord m) {
      return new Entry(true, m.modelId(), json(m));
    }

    static Entry of(ScoreRecord s) {
      return new Entry(false, s.key(), json(s));
    }

    ProducerRecord<String, byte[]> to(Topics topics) {
      return new ProducerRecord<>(model ? topics.models().name() : topics.scores().name(), key,
          value);
    }
  }

  /** Every record of a synthetic leaderboard, models first. */
  static List<Entry> leaderboard(SyntheticLeaderboard board) {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < board.workload().models(); i++) {
      out.add(Entry.of(board.model(i)));
    }
    for (long i = 0; i < board.workload().scores(); i++) {
      out.add(Entry.of(board.score(i)));
    }
    return out;
  }

  static byte[] json(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String uniquePrefix(String name) {
    return name + PREFIXES.incrementAndGet();
  }

  /** Creates the phasewatch topics under {@code prefix}, inputs with {@code partitions}. */
  static Topics createTopics(EmbeddedKafkaBroker broker, String prefix, int partitions) {
    Topics t = Topics.withPrefix(prefix);
    Map<String, String> compact = Map.of("cleanup.policy", "compact");
    broker.createTopic(t.scores().name(), partitions, compact);
    broker.createTopic(t.models().name(), partitions, compact);
    broker.createTopic(t.rejected().name(), 1, Map.of());
    broker.createTopic(t.familyDiagnosis().name(), partitions, compact);
    broker.createTopic(t.panelDiagnosis().name(), 1, compact);
    broker.createTopic(t.frontierDiagnosis().name(), 1, compact);
    broker.createTopic(t.alerts().name(), partitions, Map.of());
    return t;
  }

  /**
   * Settings of an application instance (file-form keys). The short session timeout lets a
   * restarted or surviving instance take over a killed one's partitions in seconds.
   */
  static Map<String, String> settings(String servers, String applicationId, String prefix,
      Path stateDir) {
    Map<String, String> s = new TreeMap<>();
    s.put("application.id", applicationId);
    s.put("bootstrap.servers", servers);
    s.put("topic.prefix", prefix);
    s.put("state.dir", stateDir.toString());
    s.put("http.port", "0");
    s.put("recompute.interval.ms", Long.toString(RECOMPUTE.toMillis()));
    s.put("bootstrap.resamples", Integer.toString(RESAMPLES));
    s.put("kafka.session.timeout.ms", "6000");
    s.put("kafka.heartbeat.interval.ms", "1500");
    return s;
  }

  static Path writeConfig(Path file, Map<String, String> settings) {
    Properties p = new Properties();
    p.putAll(settings);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "phasewatch fault test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static KafkaProducer<String, byte[]> producer(String servers) {
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
    return new KafkaProducer<>(c, new StringSerializer(), new ByteArraySerializer());
  }

  /** Publishes {@code entries} in order, spread evenly over {@code spread}, and flushes. */
  static void publish(String servers, Topics topics, List<Entry> entries, Duration spread)
      throws InterruptedException {
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> producer = producer(servers)) {
      long start = System.nanoTime();
      for (int i = 0; i < entries.size(); i++) {
        long due = start + spread.toNanos() * i / Math.max(1, entries.size());
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        producer.send(entries.get(i).to(topics), (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("publishing failed", failure.get());
    }
  }

  /** The final content of the three diagnosis topics: the last value of each key. */
  record Outputs(Map<String, FamilyDiagnosis> families, Map<String, PanelDiagnosis> panels,
      Map<String, FrontierDiagnosis> cohorts) {}

  /** Reads the three diagnosis topics to their end (committed records only). */
  static Outputs read(String servers, Topics topics) {
    Map<String, FamilyDiagnosis> families = new TreeMap<>();
    Map<String, PanelDiagnosis> panels = new TreeMap<>();
    Map<String, FrontierDiagnosis> cohorts = new TreeMap<>();
    for (ConsumerRecord<String, byte[]> r : readAll(servers, List.of(
        topics.familyDiagnosis().name(), topics.panelDiagnosis().name(),
        topics.frontierDiagnosis().name()))) {
      if (r.topic().equals(topics.familyDiagnosis().name())) {
        fold(families, r, FamilyDiagnosis.class);
      } else if (r.topic().equals(topics.panelDiagnosis().name())) {
        fold(panels, r, PanelDiagnosis.class);
      } else {
        fold(cohorts, r, FrontierDiagnosis.class);
      }
    }
    return new Outputs(families, panels, cohorts);
  }

  private static <V> void fold(Map<String, V> map, ConsumerRecord<String, byte[]> r,
      Class<V> type) {
    if (r.value() == null) {
      map.remove(r.key());
      return;
    }
    try {
      map.put(r.key(), Json.mapper().readValue(r.value(), type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every committed record of {@code topics}, from the beginning to the current end. */
  static List<ConsumerRecord<String, byte[]>> readAll(String servers, List<String> topics) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic).forEach(p ->
            partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topics + " to their end");
        }
      }
    }
    return out;
  }

  /**
   * Reads the outputs until {@code done} holds for them or {@code timeout} passes; returns the
   * last read either way, for the caller's assertion.
   */
  static Outputs awaitOutputs(String servers, Topics topics, Predicate<Outputs> done,
      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Outputs now = read(servers, topics);
      if (done.test(now) || System.nanoTime() > deadline) {
        return now;
      }
      Thread.sleep(1000);
    }
  }

  /**
   * Waits until the application has processed its inputs and its outputs have stopped changing
   * (the wall-clock punctuations of panels and cohorts ran on everything), and returns them.
   */
  static Outputs settled(String servers, String applicationId, Topics topics, Duration timeout)
      throws InterruptedException {
    try (CatchUp catchUp = new CatchUp(servers, applicationId,
        List.of(topics.scores().name(), topics.models().name()))) {
      catchUp.awaitZeroLag(timeout, () -> true);
    }
    Outputs before = read(servers, topics);
    while (true) {
      Thread.sleep(4 * RECOMPUTE.toMillis() + 500);
      Outputs after = read(servers, topics);
      if (after.equals(before)) {
        return after;
      }
      before = after;
    }
  }

  /**
   * An uninterrupted run: one in-JVM application instance on fresh topics, fed {@code batches}
   * one after the other; the settled outputs after each batch.
   */
  static List<Outputs> uninterrupted(EmbeddedKafkaBroker broker, List<List<Entry>> batches,
      int partitions, Path dir) throws Exception {
    String prefix = uniquePrefix("reference");
    Topics topics = createTopics(broker, prefix, partitions);
    StreamsSettings settings = StreamsSettings.defaults().with(
        settings(broker.bootstrapServers(), prefix + "-app", prefix, dir.resolve(prefix)));
    List<Outputs> out = new ArrayList<>();
    try (StreamsApp app = new StreamsApp(settings).start()) {
      for (List<Entry> batch : batches) {
        publish(broker.bootstrapServers(), topics, batch, Duration.ZERO);
        out.add(settled(broker.bootstrapServers(), settings.applicationId(), topics,
            Duration.ofSeconds(90)));
        if (app.state() != KafkaStreams.State.RUNNING) {
          throw new AssertionError("the reference run is " + app.state());
        }
      }
    }
    return out;
  }
}
