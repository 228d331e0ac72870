package io.phasewatch.cli.bench;

import io.phasewatch.alerts.config.RouterConfig;
import io.phasewatch.alerts.config.RouterConfigs;
import io.phasewatch.alerts.kafka.AlertRouterService;
import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.Json;
import io.phasewatch.streams.StreamsApp;
import io.phasewatch.streams.config.StreamsSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One benchmark run, on one embedded broker and one set of records: the leaderboard published
 * and read back raw, processed by the pass-through application, processed by the phasewatch
 * application (state, heap), then scores offered at a fixed rate to the caught-up application
 * for the latency stage ({@link LatencyProbe}), with the alert router delivering to a webhook.
 */
public final class Bench {
  private static final String PREFIX = "phasewatch";
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofHours(2);
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(20);

  private final BenchOptions options;
  private final PrintStream progress;

  public Bench(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  public BenchResult run(String command) throws IOException, InterruptedException {
    Workload w = options.workload();
    BenchResult.Machine machine = BenchResult.Machine.current();
    Path work = Files.createTempDirectory("phasewatch-bench-");
    try (HeapSampler heap = new HeapSampler();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
      String servers = broker.bootstrapServers();
      BenchTopics topics = BenchTopics.of(PREFIX, options.partitions());
      topics.create(broker);
      SyntheticLeaderboard board = new SyntheticLeaderboard(w);

      say("publishing %,d models and %,d scores (%d partitions)", w.models(), w.scores(),
          options.partitions());
      RawKafka.Timed produced = RawKafka.produce(servers, topics, board);
      say("raw produce: %,.0f records/s", produced.perSecond());
      RawKafka.Timed consumed = RawKafka.consume(servers, topics, w.records());
      say("raw consume: %,.0f records/s", consumed.perSecond());

      StreamsSettings base = StreamsSettings.defaults().with(Map.of(
          "bootstrap.servers", servers,
          "topic.prefix", PREFIX,
          "http.port", "0",
          "recompute.interval.ms", Long.toString(options.recomputeInterval().toMillis()),
          "bootstrap.resamples", Integer.toString(options.bootstrapResamples())))
          .with(options.settings());

      for (int round = 1; round <= options.warmupRounds(); round++) {
        warmUp(broker, base, board, work, round);
      }

      Run pass = reference(PassThrough::copy, base, topics, work, "bench-passthrough");
      double passRps = w.records() / pass.processingSeconds();
      say("pass-through: %,.0f records/s", passRps);
      Run keyed = reference(PassThrough::keyed, base, topics, work, "bench-keyed");
      double keyedRps = w.records() / keyed.processingSeconds();
      say("keyed pass-through: %,.0f records/s", keyedRps);

      Path stateDir = work.resolve("phasewatch");
      StreamsSettings settings = base.with(panelSettings(Map.of(
          "application.id", "bench-phasewatch",
          "state.dir", stateDir.toString())));
      heap.resetPeak();
      Run phasewatch;
      LatencyProbe.Result latency;
      BenchResult.Latency latencies;
      long liveAfterBackfill;
      double settleSeconds;
      long threadFailures;
      int triggerFamilies;
      try (StreamsApp app = new StreamsApp(settings).start()) {
        phasewatch = awaitCatchUp(servers, settings.applicationId(), topics.inputs(), app::state);
        say("phasewatch: %,.0f records/s", w.records() / phasewatch.processingSeconds());
        settleSeconds = awaitQuiet(servers, topics);
        say("phasewatch: last backfill diagnosis %.1f s after the last record", settleSeconds);
        liveAfterBackfill = heap.liveAfterGc();

        try (WebhookClock webhook = new WebhookClock();
            AlertRouterService router = startRouter(servers, webhook);
            LatencyProbe probe = new LatencyProbe(servers, topics, board, w.seed(),
                options.recomputeInterval())) {
          awaitRouterCaughtUp(servers, topics, webhook);
          triggerFamilies = probe.triggerFamilyCount();
          say("offering %,.0f scores/s for %ds (%d families toggle their phase)",
              options.rate(), options.duration().toSeconds(), triggerFamilies);
          Duration drain = options.drain().compareTo(options.recomputeInterval().plusSeconds(10)) > 0
              ? options.drain() : options.recomputeInterval().plusSeconds(10);
          latency = probe.run(options.rate(), options.duration(), drain,
              () -> alive(app.state()));
          latencies = new BenchResult.Latency(latency.diagnosis(), latency.alert(),
              delivered(webhook, latency.alertPublishedNanos()));
        }
        threadFailures = failedStreamThreads(app.httpPort());
        if (threadFailures > 0) {
          say("WARNING: %d stream threads of the phasewatch app failed (and were replaced)",
              threadFailures);
        }
      }
      long peakHeap = heap.peak();
      long stateBytes = directorySize(stateDir);
      Map<String, Long> changelogs = changelogBytes(servers, settings.applicationId());
      long changelogBytes = changelogs.values().stream().mapToLong(Long::longValue).sum();

      double phasewatchRps = w.records() / phasewatch.processingSeconds();
      double rawRps = Math.min(produced.perSecond(), consumed.perSecond());
      return new BenchResult(command, machine.ended(),
          new BenchResult.Setup(w.families(), w.sizes(), w.cohorts(), w.cohortSize(), w.seed(),
              options.partitions(), w.models(), w.scores(), w.records(),
              options.recomputeInterval().toMillis(), options.bootstrapResamples(),
              options.panelModels(), new TreeMap<>(options.settings()),
              options.warmupRounds()),
          produced.perSecond(), consumed.perSecond(), passRps, keyedRps, phasewatchRps,
          phasewatchRps / rawRps, phasewatchRps / passRps, phasewatchRps / keyedRps,
          new BenchResult.Seconds(produced.nanos() / 1e9, consumed.nanos() / 1e9,
              pass.startupSeconds(), pass.processingSeconds(), keyed.processingSeconds(),
              phasewatch.startupSeconds(),
              phasewatch.processingSeconds(), settleSeconds),
          latencies,
          new BenchResult.Offered(latency.offeredRate(), latency.achievedRate(),
              options.duration().toMillis() / 1000.0, latency.offered(), latency.triggers(),
              triggerFamilies, latency.unexpectedAlerts(), latency.unexpected()),
          peakHeap, HeapSampler.maxHeap(), liveAfterBackfill,
          stateBytes, stateBytes / (double) w.models(),
          changelogBytes, changelogBytes / (double) w.models(), changelogs, threadFailures);
    } finally {
      deleteRecursively(work);
    }
  }

  /**
   * One warm-up round: the same records published to topics of the round's own, then the
   * pass-through and the phasewatch application each run over them to the end and close. Only
   * the JIT's work stays: the measured applications start on fresh state and topics. (Their
   * application ids share no prefix with the measured ones, whose internal topics are found by
   * prefix.)
   */
  private void warmUp(EmbeddedKafkaBroker broker, StreamsSettings base,
      SyntheticLeaderboard board, Path work, int round) throws IOException, InterruptedException {
    String servers = broker.bootstrapServers();
    String prefix = PREFIX + "-warmup" + round;
    BenchTopics topics = BenchTopics.of(prefix, options.partitions());
    topics.create(broker);
    RawKafka.produce(servers, topics, board);
    StreamsSettings warm = base.with(Map.of("topic.prefix", prefix));
    reference(PassThrough::copy, warm, topics, work, "warmup" + round + "-passthrough");
    reference(PassThrough::keyed, warm, topics, work, "warmup" + round + "-keyed");
    StreamsSettings settings = warm.with(panelSettings(Map.of(
        "application.id", "warmup" + round + "-phasewatch",
        "state.dir", work.resolve("phasewatch-warmup" + round).toString())));
    try (StreamsApp app = new StreamsApp(settings).start()) {
      Run run = awaitCatchUp(servers, settings.applicationId(), topics.inputs(), app::state);
      say("warm-up round %d: phasewatch %,.0f records/s", round,
          options.workload().records() / run.processingSeconds());
    }
  }

  /** Runs one reference application ({@link PassThrough}) over the inputs to the end. */
  private Run reference(BiFunction<StreamsSettings, BenchTopics, PassThrough> shape,
      StreamsSettings base, BenchTopics topics, Path work, String applicationId)
      throws InterruptedException {
    StreamsSettings settings = base.with(Map.of("application.id", applicationId,
        "state.dir", work.resolve(applicationId).toString()));
    try (PassThrough p = shape.apply(settings, topics).start()) {
      return awaitCatchUp(settings.bootstrapServers(), applicationId, topics.inputs(), p::state);
    }
  }

  /** The pooled panel: the application's default (every base family) or the first N families. */
  private Map<String, String> panelSettings(Map<String, String> entries) {
    Map<String, String> out = new HashMap<>(entries);
    if (options.panelFamilies() > 0) {
      int n = Math.min(options.panelFamilies(), options.workload().families());
      out.put("panels", "base");
      out.put("panel.base.families", IntStream.range(0, n)
          .mapToObj(SyntheticLeaderboard::familyName).collect(Collectors.joining(",")));
    }
    return out;
  }

  /** Start-up and processing time of one application. */
  private record Run(double startupSeconds, double processingSeconds) {}

  private Run awaitCatchUp(String servers, String applicationId, List<String> inputs,
      Supplier<KafkaStreams.State> state) throws InterruptedException {
    long start = System.nanoTime();
    while (state.get() != KafkaStreams.State.RUNNING) {
      if (!alive(state.get())) {
        throw new IllegalStateException(applicationId + " failed to start: " + state.get());
      }
      Thread.sleep(5);
    }
    long running = System.nanoTime();
    try (CatchUp catchUp = new CatchUp(servers, applicationId, inputs)) {
      long done = catchUp.awaitZeroLag(CATCH_UP_TIMEOUT, () -> alive(state.get()));
      return new Run((running - start) / 1e9, (done - running) / 1e9);
    }
  }

  /**
   * Waits until the output topics have not grown for one recompute interval and 3 s more (the
   * diagnoses that wait for a wall-clock punctuation are out), and returns how long after the
   * call they last grew.
   */
  private double awaitQuiet(String servers, BenchTopics topics) throws InterruptedException {
    long quietNanos = options.recomputeInterval().plusSeconds(3).toNanos();
    long start = System.nanoTime();
    long lastChange = start;
    Map<TopicPartition, Long> previous = Map.of();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
      List<String> outputs = List.of(topics.phasewatch().familyDiagnosis().name(),
          topics.phasewatch().panelDiagnosis().name(),
          topics.phasewatch().frontierDiagnosis().name(), topics.phasewatch().alerts().name());
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicDescription d :
          admin.describeTopics(outputs).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
        d.partitions().forEach(p ->
            latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
      }
      while (System.nanoTime() - lastChange < quietNanos) {
        Map<TopicPartition, Long> now = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
            .forEach((tp, info) -> now.put(tp, info.offset()));
        if (!now.equals(previous)) {
          lastChange = System.nanoTime();
          previous = now;
        }
        Thread.sleep(250);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not read the output topics' offsets", e);
    }
    return (lastChange - start) / 1e9;
  }

  private static final Pattern FAILED_THREADS =
      Pattern.compile("(?m)^kafka_stream_failed_stream_threads_total\\{[^}]*\\} ([0-9.]+)$");

  /** Stream threads that died (and were replaced), from the application's own /metrics. */
  private static long failedStreamThreads(int port) throws IOException, InterruptedException {
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = FAILED_THREADS.matcher(metrics);
    long failed = 0;
    while (m.find()) {
      failed += (long) Double.parseDouble(m.group(1));
    }
    return failed;
  }

  private static boolean alive(KafkaStreams.State s) {
    return s != KafkaStreams.State.ERROR && s != KafkaStreams.State.NOT_RUNNING
        && s != KafkaStreams.State.PENDING_SHUTDOWN && s != KafkaStreams.State.PENDING_ERROR;
  }

  private static AlertRouterService startRouter(String servers, WebhookClock webhook) {
    RouterConfig config = RouterConfigs.parse("""
        topic_prefix: %s
        group_id: bench-alerts
        poll_timeout: 100ms
        sinks:
          hook:
            type: webhook
            url: %s
            secret_env: BENCH_WEBHOOK_SECRET
        routes:
          - sinks: [hook]
        """.formatted(PREFIX, webhook.url()), "bench");
    return AlertRouterService.builder(config, servers)
        .env(name -> Optional.of("bench-secret"))
        .console(new PrintStream(java.io.OutputStream.nullOutputStream()))
        .start();
  }

  /**
   * Waits until the router has delivered every alert already on the alerts topic (the
   * backfill's), before timing new ones. (Its group's lag cannot show this: the topic is written
   * in transactions, and a plain consumer's committed offset stops before the last marker.)
   */
  private static void awaitRouterCaughtUp(String servers, BenchTopics topics,
      WebhookClock webhook) throws InterruptedException {
    Set<String> ids = new HashSet<>();
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer
          .partitionsFor(topics.phasewatch().alerts().name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          try {
            ids.add(Json.mapper().readValue(r.value(), AlertEvent.class).id());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (!webhook.arrivals().keySet().containsAll(ids)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the alert router has not delivered the backfill's "
            + ids.size() + " alerts after 10 minutes");
      }
      Thread.sleep(100);
    }
  }

  private LatencySummary delivered(WebhookClock webhook, Map<String, Long> published)
      throws InterruptedException {
    long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
    while (System.nanoTime() < deadline
        && !webhook.arrivals().keySet().containsAll(published.keySet())) {
      Thread.sleep(100);
    }
    Map<String, Long> arrivals = webhook.arrivals();
    List<Double> millis = new ArrayList<>();
    published.forEach((id, at) -> {
      Long arrived = arrivals.get(id);
      if (arrived != null) {
        millis.add((arrived - at) / 1e6);
      }
    });
    return LatencySummary.of(millis.stream().mapToDouble(Double::doubleValue).toArray(),
        published.size() - millis.size());
  }

  /** Bytes of each changelog topic of the application on the broker, by store name. */
  private static Map<String, Long> changelogBytes(String servers, String applicationId)
      throws InterruptedException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
      Map<Integer, Map<String, LogDirDescription>> dirs =
          admin.describeLogDirs(List.of(1)).allDescriptions().get(30, TimeUnit.SECONDS);
      String prefix = applicationId + "-";
      String suffix = "-changelog";
      return dirs.values().stream().flatMap(m -> m.values().stream())
          .flatMap(d -> d.replicaInfos().entrySet().stream())
          .filter(e -> e.getKey().topic().startsWith(prefix)
              && e.getKey().topic().endsWith(suffix))
          .collect(Collectors.groupingBy(e -> {
            String t = e.getKey().topic();
            return t.substring(prefix.length(), t.length() - suffix.length());
          }, TreeMap::new, Collectors.summingLong(e -> e.getValue().size())));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not describe the broker's log directories", e);
    }
  }

  private static long directorySize(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void say(String format, Object... args) {
    progress.println("bench: " + String.format(java.util.Locale.ROOT, format, args));
    progress.flush();
  }
}
