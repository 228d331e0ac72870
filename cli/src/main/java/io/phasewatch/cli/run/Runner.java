package io.phasewatch.cli.run;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.alerts.config.RouterConfig;
import io.phasewatch.alerts.config.SinkConfig;
import io.phasewatch.alerts.kafka.AlertRouterService;
import io.phasewatch.alerts.route.Route;
import io.phasewatch.alerts.route.RouteMatch;
import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.cli.UserInputException;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.ingest.IngestException;
import io.phasewatch.ingest.IngestRun;
import io.phasewatch.ingest.collect.Collectors;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.feed.FeedFiles;
import io.phasewatch.ingest.fetch.SourceFetcher;
import io.phasewatch.ingest.metrics.IngestMetrics;
import io.phasewatch.ingest.publish.Checkpoint;
import io.phasewatch.ingest.publish.KafkaPublisher;
import io.phasewatch.ingest.publish.Progress;
import io.phasewatch.ingest.publish.Publisher;
import io.phasewatch.ingest.publish.RunSummary;
import io.phasewatch.ingest.publish.TopicCreator;
import io.phasewatch.ingest.publish.Topics;
import io.phasewatch.ingest.resolve.RowResolver;
import io.phasewatch.streams.StreamsApp;
import io.phasewatch.streams.api.StoreAccess;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.topology.Names;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code phasewatch run}: starts the broker (unless given one), the topics, the streams app with
 * {@code /metrics}, the API and {@code /api/status}, and the alert router; replays the bundled
 * snapshot; waits until it is processed; prints the summary; runs the live feeds. {@link
 * #close()} stops everything in the reverse order, each part given a few seconds.
 */
public final class Runner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

  /** The Kafka Streams application id and the alert router's group of a run. */
  public static final String APPLICATION_ID = "phasewatch-run";
  public static final String ROUTER_GROUP = "phasewatch-run-alerts";
  /** The pooled panel of every base family, named as {@code phasewatch diagnose} names it. */
  public static final String PANEL = "pooled";
  /** The paper's 14 models (cohort {@code paper-panel}), pooled as diagnose pools them. */
  public static final String PAPER_PANEL = "paper-panel";
  private static final Duration CHECK_EVERY = Duration.ofMillis(500);
  private static final Duration STABLE_FOR = Duration.ofSeconds(1);
  private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
  private static final Duration CATCH_UP_POLL = Duration.ofMillis(50);
  private static final long CATCH_UP_SLACK = 20;
  private static final long LARGE_STEP = 40;
  private static final Duration DEBOUNCE_WAIT = Duration.ofSeconds(5);

  /**
   * What a run is told on its command line.
   *
   * @param bootstrapServers empty: an embedded broker
   * @param httpPort 0 picks a free port
   * @param stateDir empty: a temporary directory, deleted at the end
   * @param speed days of history per second of the replay; 0 or less: no pacing
   * @param liveFeeds feed files run after the replay, each on its schedule
   * @param webhook a generic webhook sink besides the console
   * @param resamples bootstrap resamples of the pooled N_c
   */
  public record Settings(Optional<String> bootstrapServers, int httpPort, Optional<Path> stateDir,
      boolean fresh, double speed, List<Path> liveFeeds, Optional<URI> webhook,
      String topicPrefix, int resamples) {
    public Settings {
      liveFeeds = List.copyOf(liveFeeds);
    }
  }

  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock = Clock.systemUTC();
  private final Instant startedAt;
  private final ReplayProgress progress = new ReplayProgress();
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  private volatile String phase = RunStatus.STARTING;
  private volatile boolean stopping;
  private volatile boolean closed;
  private volatile RunStatus.Processing processing = RunStatus.Processing.UNKNOWN;
  private volatile Optional<Instant> doneAt = Optional.empty();
  private volatile List<String> replayedFeeds = List.of();

  private StateDirectory state;
  private Optional<EmbeddedKafkaBroker> broker = Optional.empty();
  private String bootstrapServers;
  private PrometheusMeterRegistry registry;
  private StreamsApp app;
  private AlertRouterService router;
  private KafkaPublisher publisher;
  private ProcessingCheck check;
  private IngestMetrics ingestMetrics;
  private ScheduledExecutorService scheduler;

  public Runner(Settings settings, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.startedAt = clock.instant();
  }

  /** The port of /metrics and /api; -1 before the app serves. */
  public synchronized int httpPort() {
    return app == null ? -1 : app.httpPort();
  }

  /**
   * Starts everything, replays the bundled snapshot and returns once it is processed and the
   * summary printed; the live feeds then run in the background until {@link #close()}.
   *
   * @throws InterruptedException when stopped meanwhile
   */
  public void start() throws InterruptedException, IngestException, Publisher.PublishException {
    List<FeedConfig> live = loadLiveFeeds();
    List<FeedConfig> bundled = startComponents();
    banner();
    awaitStreamsRunning();
    Replay replay = new Replay(bundled, state.ingest(), state.root().resolve("ingest-staging"),
        checkpointTarget(), settings.speed(), progress);
    Replay.Prepared prepared = replay.prepare();
    replayedFeeds = bundled.stream().map(FeedConfig::id).toList();
    announceReplay(prepared);
    phase = RunStatus.REPLAYING;
    Instant replayStart = clock.instant();
    try {
      replay.publish(prepared,
          (messages, timestamp) -> publisher.publish(messages, Progress.NONE, timestamp),
          this::awaitCaughtUp);
    } catch (Publisher.PublishException e) {
      ingestMetrics.recordFailure(Duration.between(replayStart, clock.instant()));
      throw e;
    }
    // each feed's run counts once its records are acknowledged, not when they were read
    Duration took = Duration.between(replayStart, clock.instant());
    prepared.summaries().forEach(summary -> ingestMetrics.recordRun(summary, took));
    phase = RunStatus.PROCESSING;
    awaitProcessed();
    doneAt = Optional.of(clock.instant());
    phase = RunStatus.LIVE;
    printSummary();
    startLiveFeeds(live);
  }

  /** Blocks until {@link #requestStop()}. */
  public void awaitStop() throws InterruptedException {
    stopRequested.await();
  }

  public void requestStop() {
    stopping = true;
    phase = RunStatus.STOPPING;
    stopRequested.countDown();
  }

  public boolean stopping() {
    return stopping;
  }

  /** The current {@code /api/status}. */
  public RunStatus status() {
    OptionalDouble seconds = doneAt.map(d -> OptionalDouble.of(
        Duration.between(startedAt, d).toMillis() / 1000.0)).orElse(OptionalDouble.empty());
    return new RunStatus(phase, doneAt.isPresent(),
        new RunStatus.Replay(replayedFeeds, progress.total(), progress.published(),
            progress.firstDate(), progress.lastDate(), progress.reached(), settings.speed(),
            doneAt, seconds),
        processing,
        settings.liveFeeds().stream().map(Path::toString).toList(), startedAt);
  }

  private List<FeedConfig> loadLiveFeeds() {
    List<FeedConfig> feeds = new ArrayList<>();
    for (Path f : settings.liveFeeds()) {
      try {
        feeds.add(FeedFiles.load(f));
      } catch (FeedFiles.InvalidFeedException e) {
        throw new UserInputException("--feed " + f + ": " + e.getMessage(), e);
      }
    }
    return feeds;
  }

  private synchronized List<FeedConfig> startComponents() {
    if (stopping) {
      throw new IllegalStateException("stopped before it started");
    }
    state = settings.stateDir().map(d -> StateDirectory.at(d, settings.fresh()))
        .orElseGet(StateDirectory::temporary);
    List<FeedConfig> bundled = BundledFeeds.extract(state.bundled());
    if (settings.bootstrapServers().isPresent()) {
      bootstrapServers = settings.bootstrapServers().get();
    } else {
      broker = Optional.of(EmbeddedKafkaBroker.start(state.kafka()));
      bootstrapServers = broker.get().bootstrapServers();
    }
    Map<String, Object> client = new HashMap<>();
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    Topics topics = new Topics(settings.topicPrefix());
    try (Admin admin = Admin.create(client)) {
      TopicCreator.ensure(admin, topics, 1, Optional.empty());
    }
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Map<String, Supplier<?>> routes = Map.of("/api/status", this::status);
    app = new StreamsApp(streamsSettings(), registry, io.phasewatch.cli.VersionProvider.version(),
        routes);
    try {
      app.start();
    } catch (BindException e) {
      throw new UserInputException("port " + settings.httpPort() + " is in use: give --http-port"
          + " N (0 picks a free port)", e);
    } catch (IOException e) {
      throw new UserInputException("cannot serve HTTP on port " + settings.httpPort() + ": "
          + e.getMessage(), e);
    }
    // after the streams meters: phasewatch_rejected_total and phasewatch_build_info are shared
    ingestMetrics = new IngestMetrics(registry, io.phasewatch.cli.VersionProvider.version());
    router = AlertRouterService.builder(routerConfig(), bootstrapServers)
        .meterRegistry(registry)
        .console(out)
        .consoleFormat(this::phaseChangeLine)
        .clientId("phasewatch-run-alerts")
        .shutdownGrace(Duration.ofSeconds(2))
        .start();
    publisher = new KafkaPublisher(client, topics);
    check = new ProcessingCheck(client);
    return bundled;
  }

  private StreamsSettings streamsSettings() {
    Map<String, String> s = new TreeMap<>();
    s.put("application.id", APPLICATION_ID);
    s.put("bootstrap.servers", bootstrapServers);
    s.put("topic.prefix", settings.topicPrefix());
    s.put("state.dir", state.streams().toString());
    s.put("http.port", Integer.toString(settings.httpPort()));
    s.put("panels", PANEL + "," + PAPER_PANEL);
    s.put("panel." + PAPER_PANEL + ".cohort", PAPER_PANEL);
    s.put("recompute.interval.ms", "1000");
    s.put("bootstrap.resamples", Integer.toString(settings.resamples()));
    // Kafka Streams does not leave its group on close: the next run's member waits for the old
    // one's session to expire before it gets the tasks. The broker's minimum, not 45 s.
    s.put("kafka.session.timeout.ms", "6000");
    s.put("kafka.heartbeat.interval.ms", "1500");
    // a record crosses four repartition topics, each read after a transaction commits: a
    // consumer that waits the default 500 ms for more data at each hop makes a step of the
    // replay take seconds to reach the diagnoses
    s.put("kafka.fetch.max.wait.ms", "20");
    return StreamsSettings.defaults().with(s);
  }

  private RouterConfig routerConfig() {
    Map<String, SinkConfig> sinks = new java.util.LinkedHashMap<>();
    sinks.put("console", new SinkConfig.Console());
    settings.webhook().ifPresent(url -> sinks.put("webhook", new SinkConfig.Webhook(url, null,
        Optional.empty(), null, null, Optional.empty(), true)));
    return new RouterConfig(settings.topicPrefix(), ROUTER_GROUP, null, sinks,
        List.of(new Route("everything", RouteMatch.any(), List.copyOf(sinks.keySet()), false)),
        0, Duration.ofMillis(200), Map.of("fetch.max.wait.ms", "50"));
  }

  /** Checkpoints are kept per target; an embedded broker's port changes from run to run. */
  private String checkpointTarget() {
    Topics topics = new Topics(settings.topicPrefix());
    return broker.isPresent() ? "embedded|" + topics.prefix()
        : KafkaPublisher.targetOf(bootstrapServers, topics);
  }

  private String phaseChangeLine(AlertEvent alert) {
    return PhaseChangeLine.format(alert,
        PhaseChangeLine.dateOf(alert, doneAt.isPresent(), progress, clock));
  }

  private void banner() {
    int port = app.httpPort();
    String base = "http://localhost:" + port;
    out.printf("phasewatch %s run%n", io.phasewatch.cli.VersionProvider.version());
    out.printf("  Kafka       %s%n", broker.map(b -> "embedded KRaft broker at "
        + b.bootstrapServers() + " (log in " + state.kafka() + ")")
        .orElse("at " + bootstrapServers));
    out.printf("  state       %s%n", state.isTemporary()
        ? state.root() + " (temporary: deleted on exit; --state-dir DIR keeps it)"
        : state.root() + (state.resumed() ? " (resumed from an earlier run; --fresh starts clean)"
            : " (kept for the next run)"));
    out.printf("  API         %s/api/status   /api/families   /api/panels/%s   "
        + "/api/frontier/frontier   /api/alerts%n", base, PANEL);
    out.printf("  metrics     %s/metrics%n", base);
    out.printf("  Prometheus  prometheus --config.file=prometheus/prometheus-local.yml "
        + "--storage.tsdb.path=/tmp/phasewatch-prom%n");
    out.printf("              (from the repository root; it scrapes localhost:8080%s)%n",
        port == 8080 ? "" : ": change that target to localhost:" + port);
    out.printf("  Grafana     a Prometheus datasource with uid phasewatch-prometheus, then "
        + "grafana/dashboards/*.json (docs/DEPLOY.md)%n");
    out.printf("  alerts      console%s%n", settings.webhook().map(u -> ", webhook " + u
        + (System.getenv("PHASEWATCH_WEBHOOK_SECRET") == null ? " (unsigned: "
            + "PHASEWATCH_WEBHOOK_SECRET is not set)" : " (signed with "
            + "PHASEWATCH_WEBHOOK_SECRET)")).orElse(""));
    out.flush();
  }

  private void announceReplay(Replay.Prepared prepared) {
    if (prepared.records() == 0) {
      out.printf("The bundled snapshot (%s) is already ingested in %s: nothing to replay. "
          + "Phase changes announced by the earlier run are not printed again.%n",
          String.join(", ", replayedFeeds), state.root());
    } else {
      long span = prepared.firstDate().flatMap(f -> prepared.lastDate()
          .map(l -> java.time.temporal.ChronoUnit.DAYS.between(f, l))).orElse(0L);
      out.printf("Replaying the bundled snapshot (%s): %d records, %s … %s, %s%n",
          String.join(", ", replayedFeeds), prepared.records(),
          prepared.firstDate().map(LocalDate::toString).orElse("?"),
          prepared.lastDate().map(LocalDate::toString).orElse("?"),
          settings.speed() > 0 ? String.format(Locale.ROOT,
              "%s days of history per second (about %.0f s)", number(settings.speed()),
              span / settings.speed()) : "as fast as possible");
    }
    for (RunSummary s : prepared.summaries()) {
      LOG.info("{}", s.line());
    }
    out.flush();
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * Waits until the streams app runs with its tasks assigned, so that the replay's clock and the
   * app's reading of it start together (an alert is dated by what the replay had sent when it
   * was raised).
   */
  private void awaitStreamsRunning() throws InterruptedException {
    Instant deadline = clock.instant().plus(Duration.ofSeconds(120));
    while (app.state() != KafkaStreams.State.RUNNING || app.inputPartitions().isEmpty()) {
      if (clock.instant().isAfter(deadline)) {
        throw new IllegalStateException("the streams app did not start within 120 s (state "
            + app.state() + ")");
      }
      Thread.sleep(100);
    }
  }

  /**
   * Waits (at most {@link #CATCH_UP_LIMIT}) while the streams app has more than {@link
   * #CATCH_UP_SLACK} of the records sent so far left to read on its input topics. A few records of
   * slack let the replay go on while the app commits (every 100 ms under exactly-once), and
   * still keep it from running months ahead of the app after a large step (the first day of the
   * Open LLM Leaderboard snapshot has 378 records). After a large step (more than {@link
   * #LARGE_STEP} records) it also lets the debounced recomputations run, so that their alerts
   * carry that step's date.
   */
  private void awaitCaughtUp(long previousStep) throws InterruptedException {
    Instant limit = clock.instant().plus(CATCH_UP_LIMIT);
    Topics topics = new Topics(settings.topicPrefix());
    while (clock.instant().isBefore(limit)) {
      List<TopicPartition> sources = app.inputPartitions().stream()
          .filter(tp -> tp.topic().equals(topics.scores()) || tp.topic().equals(topics.models()))
          .toList();
      try {
        // the replay writes these without transactions: the offset gap is the records left
        long behind = sources.isEmpty() ? Long.MAX_VALUE : check.lag(APPLICATION_ID, sources);
        if (behind <= CATCH_UP_SLACK) {
          if (previousStep > LARGE_STEP) {
            awaitRecomputed(clock.instant().plus(DEBOUNCE_WAIT));
          }
          return;
        }
      } catch (IllegalStateException notNow) {
        LOG.debug("offsets not readable: {}", notNow.toString());
      }
      Thread.sleep(CATCH_UP_POLL.toMillis());
    }
    LOG.warn("the streams app is more than {} behind the replay", CATCH_UP_LIMIT);
  }

  /** Until every input and repartition record is processed and nothing waits to recompute. */
  private void awaitRecomputed(Instant limit) throws InterruptedException {
    while (clock.instant().isBefore(limit)) {
      try {
        if (check.unprocessed(APPLICATION_ID, List.copyOf(app.inputPartitions())) == 0
            && app.pendingRecomputations() == 0) {
          return;
        }
      } catch (InvalidStateStoreException | IllegalStateException notNow) {
        return;
      }
      Thread.sleep(CATCH_UP_POLL.toMillis());
    }
  }

  /** Polls until {@link RunStatus.Processing#idle()} holds on two checks a second apart. */
  private void awaitProcessed() throws InterruptedException {
    Optional<Instant> idleSince = Optional.empty();
    Instant nextNote = clock.instant().plusSeconds(15);
    while (true) {
      RunStatus.Processing p = checkProcessing();
      processing = p;
      if (p.idle()) {
        if (idleSince.isPresent()
            && !Duration.between(idleSince.get(), clock.instant()).minus(STABLE_FOR)
                .isNegative()) {
          return;
        }
        idleSince = idleSince.or(() -> Optional.of(clock.instant()));
      } else {
        idleSince = Optional.empty();
      }
      if (clock.instant().isAfter(nextNote)) {
        err.printf("still processing: %s records, %s recomputations, %s alerts to deliver%n",
            text(p.unprocessedRecords()), text(p.pendingRecomputations()),
            text(p.undeliveredAlerts()));
        err.flush();
        nextNote = clock.instant().plusSeconds(15);
      }
      Thread.sleep(CHECK_EVERY.toMillis());
    }
  }

  private static String text(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "?";
  }

  private RunStatus.Processing checkProcessing() throws InterruptedException {
    return checkProcessing(true);
  }

  /** The backlog; {@code all}: also the debounced recomputations and the alert router's. */
  private RunStatus.Processing checkProcessing(boolean all) throws InterruptedException {
    OptionalLong records = OptionalLong.empty();
    OptionalLong pending = OptionalLong.empty();
    OptionalLong alerts = OptionalLong.empty();
    try {
      if (app.state() == KafkaStreams.State.RUNNING) {
        List<TopicPartition> inputs = List.copyOf(app.inputPartitions());
        if (!inputs.isEmpty()) {
          records = OptionalLong.of(check.unprocessed(APPLICATION_ID, inputs));
        }
        if (all) {
          pending = OptionalLong.of(app.pendingRecomputations());
        }
      }
      if (all) {
        alerts = OptionalLong.of(check.unprocessed(ROUTER_GROUP,
            check.partitionsOf(router.topics().alerts())));
      }
    } catch (InvalidStateStoreException | IllegalStateException notNow) {
      LOG.debug("progress not readable yet: {}", notNow.toString());
    }
    return new RunStatus.Processing(records, pending, alerts, Optional.of(clock.instant()));
  }

  private void printSummary() {
    StoreAccess stores = app.stores();
    List<FamilyDiagnosis> families = values(stores.keyValueStore(Names.FAMILY_DIAGNOSIS_STORE));
    List<PanelDiagnosis> panels = values(stores.keyValueStore(Names.PANEL_DIAGNOSIS_STORE));
    List<FrontierDiagnosis> cohorts =
        values(stores.keyValueStore(Names.FRONTIER_DIAGNOSIS_STORE));
    double seconds = Duration.between(startedAt, doneAt.orElseThrow()).toMillis() / 1000.0;
    out.printf(Locale.ROOT, "%nReplay done in %.1f s: %d records ingested and processed.%n%n",
        seconds, progress.published());
    out.print(SummaryTable.format(families, panels, cohorts));
    out.println();
    out.printf("Watching for new scores%s. Ctrl-C stops.%n", settings.liveFeeds().isEmpty()
        ? " (no --feed given: none will arrive; the API and /metrics stay up)"
        : " from " + settings.liveFeeds().size() + " live feed(s)");
    out.flush();
  }

  private static <V> List<V> values(ReadOnlyKeyValueStore<String, V> store) {
    List<V> out = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  private synchronized void startLiveFeeds(List<FeedConfig> feeds) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "phasewatch-run-live");
      t.setDaemon(true);
      return t;
    });
    // keep /api/status's processing figures current
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        processing = checkProcessing();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 2, 2, TimeUnit.SECONDS);
    if (feeds.isEmpty()) {
      return;
    }
    IngestRun ingest = new IngestRun(Collectors.builtIn(), RowResolver.defaults(),
        new SourceFetcher(), new Checkpoint.Store(state.ingest()), Optional.of(publisher),
        checkpointTarget(), Optional.empty(), new PrintStream(OutputStream.nullOutputStream()))
        .withMetrics(ingestMetrics);
    for (FeedConfig feed : feeds) {
      Optional<Duration> every = feed.schedule().filter(s -> !s.equalsIgnoreCase("once"))
          .map(io.phasewatch.ingest.feed.Durations::parse);
      Runnable once = () -> runLiveFeed(ingest, feed);
      if (every.isPresent()) {
        scheduler.scheduleWithFixedDelay(once, 0, every.get().toMillis(), TimeUnit.MILLISECONDS);
      } else {
        scheduler.execute(once);
      }
    }
  }

  private void runLiveFeed(IngestRun ingest, FeedConfig feed) {
    try {
      err.println(ingest.run(feed).line());
    } catch (IngestException e) {
      err.println("feed " + feed.id() + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    err.flush();
  }

  /** Stops everything, newest first; safe to call more than once and from a shutdown hook. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopping = true;
    phase = RunStatus.STOPPING;
    stopRequested.countDown();
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    quietly("the alert router", () -> router.close(), router);
    quietly("the publisher", () -> publisher.close(), publisher);
    quietly("the streams app", () -> app.close(), app);
    quietly("the progress check", () -> check.close(), check);
    broker.ifPresent(b -> quietly("the broker", b::close, b));
    quietly("the meter registry", () -> registry.close(), registry);
    quietly("the state directory", () -> state.close(), state);
  }

  private static void quietly(String what, Runnable close, Object component) {
    if (component == null) {
      return;
    }
    try {
      close.run();
    } catch (RuntimeException e) {
      LOG.warn("could not close {}: {}", what, e.toString());
    }
  }
}
