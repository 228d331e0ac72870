package io.phasewatch.cli.bench;

import static io.phasewatch.core.catalogue.BenchmarkIds.HELLASWAG;
import static io.phasewatch.core.catalogue.BenchmarkIds.TRUTHFULQA;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.ScoreRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Stage 4 of the benchmark: scores offered at a fixed rate to a running, caught-up phasewatch
 * application, and the time from each score's publication to the first family diagnosis that
 * reflects it and, for the scores that change a family's phase, to the alert it causes.
 *
 * <p><b>What is measured.</b> A score's publication time is the instant it was scheduled to be
 * handed to the producer (the schedule is open-loop at the offered rate, so a producer that falls
 * behind adds its delay to the latency instead of hiding it). Its arrival is the instant a
 * {@code read_committed} consumer in this process receives the output record: the diagnosis or
 * alert as any downstream reader sees it, after the exactly-once transaction that wrote it has
 * committed. Both instants come from the same monotonic clock.
 *
 * <p><b>Matching.</b> Each offered score gives a model's HellaSwag or TruthfulQA a value never
 * published for that model before; the family diagnosis lists each model's B1 and B2, so the
 * first diagnosis of the family showing that value (or a later one for the same model and
 * benchmark) reflects the score. Alert triggers are offered in families whose largest model is
 * in the tax phase after the backfill (so {@code FAMILY_CROSSED_NC} is not firing) and whose
 * previous size is in tax too: a trigger moves the largest model's TruthfulQA to γ12 = +0.5
 * against the previous size, then back to −0.5, alternately, each at least two recompute
 * intervals after the family's last one (a family's diagnosis waits up to one interval for its
 * bootstrap N_c when B2 changes). Each trigger must produce exactly one {@code
 * FAMILY_CROSSED_NC} alert, fired or resolved, and the n-th alert of a family is matched to its
 * n-th trigger.
 */
final class LatencyProbe implements AutoCloseable {
  private static final long MIN_TRIGGER_SPACING_MS = 3000;
  private static final double TRIGGER_GAMMA = 0.5;
  /** One score in this many is a trigger, when a trigger family is due. */
  private static final int TRIGGER_STRIDE = 10;

  private final String bootstrapServers;
  private final BenchTopics topics;
  private final SyntheticLeaderboard board;
  private final SplittableRandom random;
  private final long triggerSpacingMs;
  private final List<TriggerFamily> triggerFamilies;
  private final Set<String> triggerModels = new HashSet<>();
  private final Object lock = new Object();
  private final Map<String, Map<Double, Integer>> versions = new HashMap<>();
  private final Map<String, Double> current = new HashMap<>();
  private final Map<String, ArrayDeque<long[]>> pendingScores = new HashMap<>();
  private final Map<String, ArrayDeque<PendingAlert>> pendingAlerts = new HashMap<>();
  private final Map<String, Long> alertPublished = new HashMap<>();
  private final List<Double> diagnosisMillis = new ArrayList<>();
  private final List<Double> alertMillis = new ArrayList<>();
  private int unexpectedAlerts;
  /** The alerts that matched no trigger: subject, state and summary. */
  private final List<String> unexpected = new ArrayList<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread observer;
  private final AtomicReference<Throwable> observerFailure = new AtomicReference<>();
  private volatile boolean observing = true;

  /** A family whose largest model is toggled between tax and bonus. */
  private static final class TriggerFamily {
    final int family;
    boolean bonus;
    long nextDue;

    TriggerFamily(int family, boolean bonus) {
      this.family = family;
      this.bonus = bonus;
    }
  }

  private record PendingAlert(AlertState state, long publishedNanos) {}

  /** What the probe measured. */
  record Result(int offered, double offeredRate, double achievedRate, int triggers,
      LatencySummary diagnosis, LatencySummary alert, int unexpectedAlerts,
      List<String> unexpected, Map<String, Long> alertPublishedNanos) {}

  LatencyProbe(String bootstrapServers, BenchTopics topics, SyntheticLeaderboard board,
      long seed, Duration recomputeInterval) {
    this.triggerSpacingMs = Math.max(MIN_TRIGGER_SPACING_MS,
        2 * recomputeInterval.toMillis() + 2000);
    this.bootstrapServers = bootstrapServers;
    this.topics = topics;
    this.board = board;
    this.random = new SplittableRandom(seed);
    this.triggerFamilies = triggerFamilies(board);
    for (TriggerFamily t : triggerFamilies) {
      triggerModels.add(SyntheticLeaderboard.baseModelId(t.family,
          board.workload().sizes() - 1));
    }
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "phasewatch-bench-observer");
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(topics.phasewatch().familyDiagnosis().name(),
        topics.phasewatch().alerts().name())) {
      for (PartitionInfo p : consumer.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    this.observer = new Thread(this::observe, "phasewatch-bench-observer");
  }

  /** Families that can be toggled: the largest size and the previous one in the tax phase. */
  private static List<TriggerFamily> triggerFamilies(SyntheticLeaderboard board) {
    List<TriggerFamily> out = new ArrayList<>();
    DiagnosisConfig config = DiagnosisConfig.defaults();
    for (int f = 0; f < board.workload().families(); f++) {
      FamilyDiagnosis d = Diagnoses.family(SyntheticLeaderboard.familyName(f),
          board.familyPoints(f), config);
      List<FamilyDiagnosis.Model> models = d.models();
      FamilyDiagnosis.Model largest = models.get(models.size() - 1);
      FamilyDiagnosis.Model previous = models.get(models.size() - 2);
      if (previous.gamma12().isPresent() && previous.gamma12().getAsDouble() < 0
          && largest.gamma12().isPresent() && largest.gamma12().getAsDouble() < -0.12
          && largest.b1() - previous.b1() > 1.0) {
        out.add(new TriggerFamily(f, false));
      }
    }
    return out;
  }

  int triggerFamilyCount() {
    return triggerFamilies.size();
  }

  /**
   * Offers {@code rate} scores per second for {@code duration}, then waits up to {@code drain}
   * for the outputs of every offered score.
   */
  Result run(double rate, Duration duration, Duration drain, BooleanSupplier appAlive)
      throws InterruptedException {
    observer.start();
    long interval = Math.round(1e9 / rate);
    int offered = (int) Math.round(rate * duration.toNanos() / 1e9);
    int triggers = 0;
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = RawKafka.producer(bootstrapServers)) {
      for (int i = 0; i < offered; i++) {
        long scheduled = start + i * interval;
        long wait = scheduled - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        ScoreRecord s = i % TRIGGER_STRIDE == 0 ? trigger(scheduled) : null;
        if (s != null) {
          triggers++;
        } else {
          s = noise(scheduled);
        }
        producer.send(new ProducerRecord<>(topics.phasewatch().scores().name(), s.key(),
            RawKafka.json(s)));
        if (i % 1000 == 0 && !appAlive.getAsBoolean()) {
          throw new IllegalStateException("the phasewatch application stopped during the run");
        }
      }
      producer.flush();
    }
    double achieved = offered / ((System.nanoTime() - start) / 1e9);
    long deadline = System.nanoTime() + drain.toNanos();
    while (System.nanoTime() < deadline && pending() > 0) {
      Thread.sleep(100);
    }
    stopObserving();
    synchronized (lock) {
      int missingScores = pendingScores.values().stream().mapToInt(ArrayDeque::size).sum();
      int missingAlerts = pendingAlerts.values().stream().mapToInt(ArrayDeque::size).sum();
      return new Result(offered, rate, achieved, triggers,
          LatencySummary.of(toArray(diagnosisMillis), missingScores),
          LatencySummary.of(toArray(alertMillis), missingAlerts), unexpectedAlerts,
          List.copyOf(unexpected), Map.copyOf(alertPublished));
    }
  }

  private int pending() {
    synchronized (lock) {
      return pendingScores.values().stream().mapToInt(ArrayDeque::size).sum()
          + pendingAlerts.values().stream().mapToInt(ArrayDeque::size).sum();
    }
  }

  /** The next due trigger family's largest model moved to the other phase, or null. */
  private ScoreRecord trigger(long scheduled) {
    long nowMs = scheduled / 1_000_000;
    for (TriggerFamily t : triggerFamilies) {
      if (t.nextDue <= nowMs) {
        t.nextDue = nowMs + triggerSpacingMs;
        t.bonus = !t.bonus;
        int sizes = board.workload().sizes();
        String largest = SyntheticLeaderboard.baseModelId(t.family, sizes - 1);
        double b1Largest = currentValue(t.family, sizes - 1, HELLASWAG);
        double b1Previous = currentValue(t.family, sizes - 2, HELLASWAG);
        double b2Previous = currentValue(t.family, sizes - 2, TRUTHFULQA);
        double gamma = t.bonus ? TRIGGER_GAMMA : -TRIGGER_GAMMA;
        int version;
        synchronized (lock) {
          version = versions.computeIfAbsent(largest + "|" + TRUTHFULQA, k -> new HashMap<>())
              .size() + 1;
        }
        // a new value every time, even when the toggle returns to an earlier level
        double value = Math.round((b2Previous + gamma * (b1Largest - b1Previous)) * 100) / 100.0
            + 0.0001 * version;
        synchronized (lock) {
          pendingAlerts.computeIfAbsent(SyntheticLeaderboard.familyName(t.family),
                  k -> new ArrayDeque<>())
              .add(new PendingAlert(t.bonus ? AlertState.FIRED : AlertState.RESOLVED, scheduled));
        }
        return offer(largest, TRUTHFULQA, value, scheduled);
      }
    }
    return null;
  }

  /** A new value, near the generated one, for a random model that is not a trigger's largest. */
  private ScoreRecord noise(long scheduled) {
    Workload w = board.workload();
    while (true) {
      int f = random.nextInt(w.families());
      int s = random.nextInt(w.sizes());
      String model = SyntheticLeaderboard.baseModelId(f, s);
      if (triggerModels.contains(model)) {
        continue;
      }
      String benchmark = random.nextBoolean() ? HELLASWAG : TRUTHFULQA;
      int version;
      synchronized (lock) {
        version = versions.computeIfAbsent(model + "|" + benchmark, k -> new HashMap<>()).size()
            + 1;
      }
      double sign = version % 2 == 1 ? 1 : -1;
      double value = board.baseValue(f, s, benchmark) + sign * 0.001 * version;
      return offer(model, benchmark, value, scheduled);
    }
  }

  private double currentValue(int family, int size, String benchmark) {
    String key = SyntheticLeaderboard.baseModelId(family, size) + "|" + benchmark;
    return current.computeIfAbsent(key, k -> board.baseValue(family, size, benchmark));
  }

  /** Registers the value as the next version of the model's score and builds the record. */
  private ScoreRecord offer(String model, String benchmark, double value, long scheduled) {
    String key = model + "|" + benchmark;
    synchronized (lock) {
      Map<Double, Integer> byValue = versions.computeIfAbsent(key, k -> new HashMap<>());
      int version = byValue.size() + 1;
      byValue.putIfAbsent(value, version);
      pendingScores.computeIfAbsent(key, k -> new ArrayDeque<>())
          .add(new long[] {byValue.get(value), scheduled});
    }
    current.put(key, value);
    return board.score(model, benchmark, value, 0);
  }

  private void observe() {
    try {
      while (observing) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          long arrived = System.nanoTime();
          if (r.value() == null) {
            continue;
          }
          if (r.topic().equals(topics.phasewatch().familyDiagnosis().name())) {
            diagnosed(Json.mapper().readValue(r.value(), FamilyDiagnosis.class), arrived);
          } else {
            alerted(Json.mapper().readValue(r.value(), AlertEvent.class), arrived);
          }
        }
      }
    } catch (WakeupException stopped) {
      // stopObserving
    } catch (IOException | RuntimeException e) {
      observerFailure.set(e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void diagnosed(FamilyDiagnosis d, long arrived) {
    synchronized (lock) {
      for (FamilyDiagnosis.Model m : d.models()) {
        reflected(m.model() + "|" + HELLASWAG, m.b1(), arrived);
        reflected(m.model() + "|" + TRUTHFULQA, m.b2(), arrived);
      }
    }
  }

  private void reflected(String key, double value, long arrived) {
    Map<Double, Integer> byValue = versions.get(key);
    ArrayDeque<long[]> pending = pendingScores.get(key);
    if (byValue == null || pending == null) {
      return;
    }
    Integer version = byValue.get(value);
    if (version == null) {
      return;
    }
    while (!pending.isEmpty() && pending.peek()[0] <= version) {
      diagnosisMillis.add((arrived - pending.poll()[1]) / 1e6);
    }
  }

  private void alerted(AlertEvent a, long arrived) {
    if (a.kind() != AlertKind.FAMILY_CROSSED_NC) {
      return;
    }
    synchronized (lock) {
      ArrayDeque<PendingAlert> pending = pendingAlerts.get(a.subject());
      if (pending == null || pending.isEmpty() || pending.peek().state() != a.state()) {
        unexpectedAlerts++;
        unexpected.add(a.subject() + " " + a.state() + ": " + a.summary());
        return;
      }
      long published = pending.poll().publishedNanos();
      alertMillis.add((arrived - published) / 1e6);
      alertPublished.put(a.id(), published);
    }
  }

  private void stopObserving() throws InterruptedException {
    observing = false;
    consumer.wakeup();
    observer.join(10_000);
    if (observerFailure.get() != null) {
      throw new IllegalStateException("reading the outputs failed", observerFailure.get());
    }
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public void close() throws InterruptedException {
    if (observer.isAlive()) {
      stopObserving();
    }
  }
}
