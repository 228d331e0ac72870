package io.phasewatch.streams.topology;

import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.serde.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A TopologyTestDriver over the application's own topology and configuration ({@link
 * PhasewatchTopology#build}, {@link StreamsSettings#streamsProperties}), with typed topics and
 * helpers to build records. Wall-clock time moves only when a test advances it, and by {@link
 * ChangedKeys#PUBLISH_EVERY} twice after each record sent ({@link #batchEnds}); records are
 * stamped with it, as a live feed's are.
 */
final class TopologyFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final Duration INTERVAL = Duration.ofSeconds(10);

  final StreamsSettings settings;
  final Rejections rejections = new Rejections();
  final Counting listener = new Counting();
  final Topics topics;
  final TopologyTestDriver driver;
  /** The driver's wall clock, which stamps the records sent. */
  private Instant now = START;
  final TestInputTopic<String, ScoreRecord> scores;
  final TestInputTopic<String, ModelRecord> models;
  final TestInputTopic<String, byte[]> rawScores;
  final TestOutputTopic<String, FamilyDiagnosis> familyOut;
  final TestOutputTopic<String, PanelDiagnosis> panelOut;
  final TestOutputTopic<String, FrontierDiagnosis> frontierOut;
  final TestOutputTopic<String, AlertEvent> alertsOut;
  final TestOutputTopic<String, byte[]> rejectedOut;
  private final Path stateDir;

  /** Counts diagnosis computations per kind (the debounce test reads it). */
  static final class Counting implements TopologyListener {
    final Map<DiagnosisKind, AtomicInteger> computed = new ConcurrentHashMap<>();

    @Override
    public void computed(DiagnosisKind kind, String key, long nanos) {
      computed.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    int computations(DiagnosisKind kind) {
      AtomicInteger n = computed.get(kind);
      return n == null ? 0 : n.get();
    }
  }

  TopologyFixture() {
    this(Map.of());
  }

  TopologyFixture(Map<String, String> overrides) {
    this(overrides, TopologyListener.NONE);
  }

  /** With {@code also} hearing the topology's callbacks beside the counting listener. */
  TopologyFixture(Map<String, String> overrides, TopologyListener also) {
    try {
      stateDir = Files.createTempDirectory("phasewatch-ttd");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> entries = new TreeMap<>(Map.of(
        "application.id", "phasewatch-test-" + UUID.randomUUID(),
        "bootstrap.servers", "localhost:1",
        "state.dir", stateDir.toString(),
        "recompute.interval.ms", Long.toString(INTERVAL.toMillis()),
        "bootstrap.resamples", "1000",
        "source.priority", "primary,secondary"));
    entries.putAll(overrides);
    settings = StreamsSettings.defaults().with(entries);
    topics = PhasewatchTopology.topics(settings);
    TopologyListener both = new TopologyListener() {
      @Override
      public void received(String kind) {
        also.received(kind);
      }

      @Override
      public void computed(DiagnosisKind kind, String key, long nanos) {
        listener.computed(kind, key, nanos);
        also.computed(kind, key, nanos);
      }

      @Override
      public void published(DiagnosisKind kind, String key, Object diagnosis) {
        also.published(kind, key, diagnosis);
      }

      @Override
      public void alerted(AlertEvent event) {
        also.alerted(event);
      }
    };
    driver = new TopologyTestDriver(PhasewatchTopology.build(settings, rejections, both),
        settings.streamsProperties(rejections), START);
    scores = driver.createInputTopic(topics.scores().name(), Serdes.String().serializer(),
        JsonSerde.of(ScoreRecord.class).serializer(), START, Duration.ofMillis(1));
    models = driver.createInputTopic(topics.models().name(), Serdes.String().serializer(),
        JsonSerde.of(ModelRecord.class).serializer(), START, Duration.ofMillis(1));
    rawScores = driver.createInputTopic(topics.scores().name(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer(), START, Duration.ofMillis(1));
    familyOut = driver.createOutputTopic(topics.familyDiagnosis().name(),
        Serdes.String().deserializer(), topics.familyDiagnosis().valueSerde().deserializer());
    panelOut = driver.createOutputTopic(topics.panelDiagnosis().name(),
        Serdes.String().deserializer(), topics.panelDiagnosis().valueSerde().deserializer());
    frontierOut = driver.createOutputTopic(topics.frontierDiagnosis().name(),
        Serdes.String().deserializer(), topics.frontierDiagnosis().valueSerde().deserializer());
    alertsOut = driver.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(),
        topics.alerts().valueSerde().deserializer());
    rejectedOut = driver.createOutputTopic(topics.rejected().name(),
        Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  /** The diagnosis configuration the topology runs with (what the expected values use). */
  DiagnosisConfig diagnosisConfig() {
    return DiagnosisConfig.defaults().withBootstrap(settings.bootstrapResamples(),
        PhasewatchTopology.SEED);
  }

  /** Moves wall-clock time past one recompute interval: every dirty panel and cohort computes. */
  void tick() {
    advance(INTERVAL);
  }

  private void advance(Duration d) {
    driver.advanceWallClockTime(d);
    now = now.plus(d);
  }

  /**
   * Each record sent is a batch of its own: the punctuators that run after every batch in a
   * running application run now, twice, as in the application: the first forwards the model's
   * changed profile (which reaches its family's task through a repartition topic), the second
   * publishes the changed family.
   */
  void batchEnds() {
    advance(ChangedKeys.PUBLISH_EVERY);
    advance(ChangedKeys.PUBLISH_EVERY);
  }

  void send(ScoreRecord s) {
    scores.pipeInput(s.key(), s, now);
    batchEnds();
  }

  void retract(String source, String model, String benchmark) {
    scores.pipeInput(ScoreRecord.key(source, model, benchmark), null, now);
    batchEnds();
  }

  void send(ModelRecord m) {
    models.pipeInput(m.key(), m, now);
    batchEnds();
  }

  static ScoreRecord score(String source, String model, String benchmark, double percent) {
    return ScoreRecord.of(source, model, benchmark, percent, Scale.PERCENT);
  }

  static ModelRecord base(String model, String family, double paramsB) {
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, model, family, OptionalDouble.of(paramsB),
        OptionalInt.empty(), ModelKind.BASE, Optional.empty(), Optional.empty(), List.of(),
        Map.of());
  }

  static ModelRecord release(String model, String lab, LocalDate date, String cohort) {
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, model, lab, OptionalDouble.empty(),
        OptionalInt.empty(), ModelKind.CHAT, Optional.of(lab), Optional.of(date),
        List.of(cohort), Map.of());
  }

  @Override
  public void close() {
    driver.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
