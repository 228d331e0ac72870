package io.phasewatch.streams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.streams.api.QueryApi;
import io.phasewatch.streams.api.StoreAccess;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.metrics.PhasewatchMetrics;
import io.phasewatch.streams.topology.PhasewatchTopology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams application as a long-running service ({@code phasewatch streams}): the topology,
 * its metrics and the query API. {@link #close} stops all three; {@link #main} closes on SIGTERM.
 */
public final class StreamsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final StreamsSettings settings;
  private final Rejections rejections = new Rejections();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PhasewatchMetrics metrics;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;
  private QueryApi api;

  public StreamsApp(StreamsSettings settings) {
    this.settings = settings;
    this.metrics = new PhasewatchMetrics(registry, rejections);
    Topology topology = PhasewatchTopology.build(settings, rejections, metrics);
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
    api = new QueryApi(settings.httpPort(), new StoreAccessOf(streams), registry::scrape).start();
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

  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    streams.close(Duration.ofSeconds(30));
    streamsMetrics.close();
    metrics.close();
    registry.close();
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
