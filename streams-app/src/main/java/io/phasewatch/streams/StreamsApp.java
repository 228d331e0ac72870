package io.phasewatch.streams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.streams.api.QueryApi;
import io.phasewatch.streams.api.StoreAccess;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.metrics.PhasewatchMetrics;
import io.phasewatch.streams.topology.Computations;
import io.phasewatch.streams.topology.Names;
import io.phasewatch.streams.topology.PhasewatchTopology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams application as a long-running service ({@code phasewatch streams}): the topology,
 * its metrics and the query API. {@link #close} stops all three; {@link #main} closes on SIGTERM.
 *
 * <p>A command that embeds it ({@code phasewatch run}) passes its own meter registry (so that
 * one {@code /metrics} shows every component), the build version and extra JSON routes, and
 * reads its progress with {@link #inputPartitions()} and {@link #pendingRecomputations()}.
 */
public final class StreamsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final StreamsSettings settings;
  private final Rejections rejections = new Rejections();
  private final PrometheusMeterRegistry registry;
  private final boolean ownsRegistry;
  private final Map<String, Supplier<?>> extraRoutes;
  private final PhasewatchMetrics metrics;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;
  private final Computations computations;
  private QueryApi api;

  public StreamsApp(StreamsSettings settings) {
    this(settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), true, Optional.empty(),
        Map.of());
  }

  /**
   * The app with a registry it shares (and does not close), the version its {@code
   * phasewatch_build_info} carries, and {@code extraRoutes} served as JSON beside the API (see
   * {@link QueryApi#QueryApi(int, StoreAccess, java.util.function.Supplier, Map)}).
   */
  public StreamsApp(StreamsSettings settings, PrometheusMeterRegistry registry, String version,
      Map<String, Supplier<?>> extraRoutes) {
    this(settings, registry, false, Optional.of(version), extraRoutes);
  }

  private StreamsApp(StreamsSettings settings, PrometheusMeterRegistry registry,
      boolean ownsRegistry, Optional<String> version, Map<String, Supplier<?>> extraRoutes) {
    this.settings = settings;
    this.registry = registry;
    this.ownsRegistry = ownsRegistry;
    this.extraRoutes = Map.copyOf(extraRoutes);
    this.metrics = version.map(v -> new PhasewatchMetrics(registry, rejections, v))
        .orElseGet(() -> new PhasewatchMetrics(registry, rejections));
    this.computations = Computations.background(settings.diagnosisThreads());
    Topology topology = PhasewatchTopology.build(settings, rejections, metrics, computations);
    LOG.info("phasewatch topology:\n{}", topology.describe());
    this.streams = new KafkaStreams(topology, settings.streamsProperties(rejections));
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> LOG.info("state {} -> {}", before, now));
  }

  /** Starts processing and the HTTP endpoints. */
  public StreamsApp start() throws IOException {
    streams.start();
    api = new QueryApi(settings.httpPort(), stores(), registry::scrape, extraRoutes).start();
    return this;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public int httpPort() {
    return api == null ? -1 : api.port();
  }

  public Rejections rejections() {
    return rejections;
  }

  /** The stores of this instance, as the API reads them. */
  public StoreAccess stores() {
    return new StoreAccessOf(streams);
  }

  /**
   * The partitions this instance's active tasks read: the input topics and the repartition
   * topics. Empty until the first rebalance has assigned tasks.
   */
  public Set<TopicPartition> inputPartitions() {
    Set<TopicPartition> out = new HashSet<>();
    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
      for (TaskMetadata task : thread.activeTasks()) {
        out.addAll(task.topicPartitions());
      }
    }
    return out;
  }

  /**
   * Families, panels and cohorts whose members changed and whose bootstrap the debounce has not
   * yet run (DESIGN.md "bounded cost"): zero once every input has reached the diagnoses.
   *
   * @throws InvalidStateStoreException while the stores are not queryable
   */
  public long pendingRecomputations() {
    long pending = 0;
    for (String name : List.of(Names.FAMILY_PENDING_STORE, Names.PANEL_DIRTY_STORE,
        Names.COHORT_DIRTY_STORE)) {
      ReadOnlyKeyValueStore<String, Object> dirty = stores().keyValueStore(name);
      try (KeyValueIterator<String, Object> it = dirty.all()) {
        while (it.hasNext()) {
          it.next();
          pending++;
        }
      }
    }
    return pending;
  }

  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    streams.close(Duration.ofSeconds(30));
    computations.close();
    streamsMetrics.close();
    metrics.close();
    if (ownsRegistry) {
      registry.close();
    }
    LOG.info("phasewatch streams stopped");
  }

  /** The stores of a running KafkaStreams, as the API reads them. */
  private record StoreAccessOf(KafkaStreams streams) implements StoreAccess {
    @Override
    public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
      return streams.store(StoreQueryParameters.fromNameAndType(name,
          QueryableStoreTypes.<String, V>keyValueStore()));
    }
  }

  /** Runs until SIGTERM (or Ctrl-C), with settings from {@code configFile} and the environment. */
  public static void run(Optional<Path> configFile) throws IOException, InterruptedException {
    StreamsSettings settings = StreamsSettings.load(configFile, System.getenv());
    CountDownLatch stopped = new CountDownLatch(1);
    StreamsApp app = new StreamsApp(settings).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "phasewatch-shutdown"));
    stopped.await();
  }

  /** {@code StreamsApp [--config FILE]}. */
  public static void main(String[] args) throws Exception {
    Optional<Path> config = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        config = Optional.of(Path.of(args[++i]));
      } else {
        System.err.println("usage: StreamsApp [--config FILE]");
        System.exit(2);
      }
    }
    run(config);
  }
}
