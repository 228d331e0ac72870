package io.phasewatch.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.ingest.IngestException;
import io.phasewatch.ingest.IngestRun;
import io.phasewatch.ingest.collect.Collectors;
import io.phasewatch.ingest.feed.CsvMapping;
import io.phasewatch.ingest.feed.Durations;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.feed.FeedFiles;
import io.phasewatch.ingest.fetch.SourceFetcher;
import io.phasewatch.ingest.metrics.IngestMetrics;
import io.phasewatch.ingest.publish.Checkpoint;
import io.phasewatch.ingest.publish.KafkaPublisher;
import io.phasewatch.ingest.publish.Publisher;
import io.phasewatch.ingest.publish.RunSummary;
import io.phasewatch.ingest.publish.TopicCreator;
import io.phasewatch.ingest.publish.Topics;
import io.phasewatch.ingest.resolve.RowResolver;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code phasewatch ingest}: runs feeds once or on a schedule and publishes what is new or
 * changed, or with {@code --dry-run} prints the records as JSON Lines without publishing.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
        "Read leaderboard feeds and publish their scores and models to Kafka.",
        "Only what is new or changed since a feed's last run is published (checkpoints in --state-dir).",
        "With --dry-run nothing is published: the records are printed as JSON Lines on stdout",
        "and the summary on stderr.",
        "With --metrics-port it serves /metrics (Prometheus text format) while it runs."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every feed ran", "1:a feed could not be read or published", "2:wrong usage"})
public final class IngestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--feed", paramLabel = "FILE", arity = "1..*",
      description = "Feed files (YAML, see feeds/README.md).")
  List<Path> feedFiles = new ArrayList<>();

  @ArgGroup(exclusive = true)
  Schedule schedule;

  static final class Schedule {
    @Option(names = "--once", description = "Run every feed once (the default unless a feed has a schedule).")
    boolean once;

    @Option(names = "--every", paramLabel = "DURATION",
        description = "Run every feed again after this long: 30m, 6h, 1d or PT6H.")
    String every;
  }

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      defaultValue = "${env:PHASEWATCH_BOOTSTRAP_SERVERS:-localhost:9092}",
      description = "Kafka brokers (default: $PHASEWATCH_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(names = "--dry-run", description = "Publish nothing; print the normalised records as JSON Lines.")
  boolean dryRun;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Inline feed: openllm-v1, openllm-v2, epoch-hub, lm-eval-json, csv, jsonl.")
  String format;

  @Option(names = "--location", paramLabel = "PATH_OR_URL", description = "Inline feed: a file or http(s) URL.")
  String location;

  @Option(names = "--id", paramLabel = "ID", description = "Inline feed: its id (default: FORMAT-FILENAME).")
  String id;

  @Option(names = "--mapping", paramLabel = "FILE", description = "Inline csv feed: the column mapping file.")
  Path mapping;

  @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = Topics.DEFAULT_PREFIX,
      description = "Topic name prefix (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "state/ingest",
      description = "Where feed checkpoints are kept (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--partitions", defaultValue = "1",
      description = "Partitions of topics this command creates (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      defaultValue = "${env:PHASEWATCH_METRICS_PORT:--1}",
      description = "Serve /metrics (Prometheus text format) on this port while running; 0: any free "
          + "port, -1: none (default: $PHASEWATCH_METRICS_PORT or none).")
  int metricsPort;

  @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
      description = "Address /metrics listens on (default: ${DEFAULT-VALUE}).")
  String metricsHost;

  private final PrintStream out;
  private final PrintStream err;

  public IngestCommand() {
    this(System.out, System.err);
  }

  /** With explicit streams, for tests and embedding. */
  public IngestCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<FeedConfig> feeds = feeds();
    Optional<Duration> every = Optional.ofNullable(schedule).map(s -> s.every).map(this::duration);
    // a dry run shows one read, unless asked to repeat
    boolean once = (schedule != null && schedule.once) || (dryRun && every.isEmpty());
    if (metricsPort < -1 || metricsPort > 65535) {
      throw new ParameterException(spec.commandLine(), "--metrics-port must be a port (0: any free one) or -1, not "
          + metricsPort);
    }

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    IngestMetrics metrics = new IngestMetrics(registry, VersionProvider.version());
    Optional<MetricsEndpoint> endpoint = Optional.empty();
    if (metricsPort >= 0) {
      try {
        endpoint = Optional.of(MetricsEndpoint.start(new InetSocketAddress(metricsHost, metricsPort), registry));
      } catch (UncheckedIOException e) {
        err.println("cannot serve /metrics on " + metricsHost + ":" + metricsPort + ": " + e.getCause().getMessage());
        return 1;
      }
      err.println("ingest metrics on http://" + metricsHost + ":" + endpoint.get().port() + "/metrics");
    }
    try {
      return ingest(feeds, every, once, metrics);
    } finally {
      endpoint.ifPresent(MetricsEndpoint::close);
      registry.close();
    }
  }

  private int ingest(List<FeedConfig> feeds, Optional<Duration> every, boolean once, IngestMetrics metrics)
      throws InterruptedException {
    Topics topics = new Topics(topicPrefix);

    Map<String, Object> client = new HashMap<>();
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    Optional<Publisher> publisher = Optional.empty();
    try {
      String target = KafkaPublisher.targetOf(bootstrapServers, topics);
      if (!dryRun) {
        try (Admin admin = Admin.create(client)) {
          TopicCreator.ensure(admin, topics, partitions, Optional.empty());
        }
        KafkaPublisher kafka = new KafkaPublisher(client, topics);
        target = kafka.target();
        publisher = Optional.of(kafka);
      }
      IngestRun run = new IngestRun(Collectors.builtIn(), RowResolver.defaults(), new SourceFetcher(),
          new Checkpoint.Store(stateDir), publisher, target, dryRun ? Optional.of(out) : Optional.empty(), err)
          .withMetrics(metrics);
      Map<FeedConfig, Duration> intervals = intervals(feeds, every, once);
      return intervals.isEmpty() ? runAll(run, feeds) : runScheduled(run, intervals);
    } finally {
      publisher.ifPresent(Publisher::close);
    }
  }

  private int runAll(IngestRun run, List<FeedConfig> feeds) throws InterruptedException {
    int failures = 0;
    for (FeedConfig feed : feeds) {
      failures += runOne(run, feed) ? 0 : 1;
    }
    return failures == 0 ? 0 : 1;
  }

  /** Runs each feed at its own interval until interrupted (Ctrl-C). */
  private int runScheduled(IngestRun run, Map<FeedConfig, Duration> intervals) throws InterruptedException {
    Map<FeedConfig, Instant> due = new LinkedHashMap<>();
    intervals.keySet().forEach(f -> due.put(f, Instant.now()));
    Thread worker = Thread.currentThread();
    Thread hook = new Thread(worker::interrupt, "phasewatch-ingest-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (Map.Entry<FeedConfig, Instant> e : due.entrySet()) {
          if (!Instant.now().isBefore(e.getValue())) {
            runOne(run, e.getKey());
            e.setValue(Instant.now().plus(intervals.get(e.getKey())));
          }
        }
        Instant next = due.values().stream().min(Instant::compareTo).orElseThrow();
        long wait = Duration.between(Instant.now(), next).toMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
      }
    } catch (InterruptedException stopped) {
      err.println("ingest stopped");
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook already ran
      }
    }
    return 0;
  }

  private boolean runOne(IngestRun run, FeedConfig feed) throws InterruptedException {
    try {
      RunSummary summary = run.run(feed);
      err.println(summary.line());
      return true;
    } catch (IngestException e) {
      err.println("feed " + feed.id() + " failed: " + e.getMessage());
      return false;
    }
  }

  private List<FeedConfig> feeds() {
    List<FeedConfig> feeds = new ArrayList<>();
    for (Path file : feedFiles) {
      try {
        feeds.add(FeedFiles.load(file));
      } catch (FeedFiles.InvalidFeedException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
    if (format != null || location != null) {
      feeds.add(inlineFeed());
    } else if (id != null || mapping != null) {
      throw new ParameterException(spec.commandLine(), "--id and --mapping belong to an inline feed: "
          + "give --format and --location too");
    }
    if (feeds.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "nothing to ingest: give --feed FILE… or an inline feed (--format FORMAT --location PATH_OR_URL)");
    }
    return feeds;
  }

  private FeedConfig inlineFeed() {
    if (format == null || location == null) {
      throw new ParameterException(spec.commandLine(), "an inline feed needs both --format and --location");
    }
    if (Collectors.builtIn().forFormat(format).isEmpty()) {
      throw new ParameterException(spec.commandLine(), "unknown format '" + format + "' (known: "
          + Collectors.builtIn().formats() + ")");
    }
    Optional<CsvMapping> m = Optional.empty();
    if (mapping != null) {
      try {
        m = Optional.of(FeedFiles.loadMapping(mapping));
      } catch (FeedFiles.InvalidFeedException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    } else if (format.equals("csv")) {
      throw new ParameterException(spec.commandLine(), "the csv format needs --mapping FILE");
    }
    String feedId = id != null ? id : defaultId(format, location);
    try {
      return FeedConfig.inline(feedId, format, location, m, Path.of("").toAbsolutePath());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static String defaultId(String format, String location) {
    String name = location.replaceAll("[?#].*$", "");
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\.[A-Za-z0-9]+$", "");
    String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return clean.isEmpty() ? format : format + "-" + clean;
  }

  /** Which feeds repeat and how often; empty when everything runs once. */
  private Map<FeedConfig, Duration> intervals(List<FeedConfig> feeds, Optional<Duration> every, boolean once) {
    Map<FeedConfig, Duration> m = new LinkedHashMap<>();
    if (once) {
      return m;
    }
    for (FeedConfig f : feeds) {
      Optional<Duration> d = every.isPresent() ? every
          : f.schedule().filter(s -> !s.equalsIgnoreCase("once")).map(this::duration);
      d.ifPresent(interval -> m.put(f, interval));
    }
    if (!m.isEmpty() && m.size() < feeds.size()) {
      // feeds without a schedule still run, once, with the first round
      feeds.stream().filter(f -> !m.containsKey(f)).forEach(f -> m.put(f, Duration.ofDays(36500)));
    }
    return m;
  }

  private Duration duration(String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
