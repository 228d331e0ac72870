package io.phasewatch.streams.config;

import io.phasewatch.core.detect.DetectorConfig;
import io.phasewatch.core.domain.TopicName;
import io.phasewatch.streams.errors.RejectingDeserializationHandler;
import io.phasewatch.streams.errors.RejectingProcessingHandler;
import io.phasewatch.streams.errors.Rejections;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything the streams application is configured with. {@link #load} layers defaults, a
 * properties file and {@code PHASEWATCH_*} environment variables; {@link #streamsProperties} is
 * the one configuration method the application and the topology tests share.
 *
 * <p>Keys (file form; the environment form is upper case with {@code _} for {@code .} and a
 * {@code PHASEWATCH_} prefix, e.g. {@code PHASEWATCH_BOOTSTRAP_SERVERS}):
 * {@code application.id}, {@code bootstrap.servers}, {@code topic.prefix}, {@code state.dir},
 * {@code http.port}, {@code source.priority} (comma list), {@code panels} (comma list of names),
 * {@code panel.NAME.families} (comma list; empty = every base family), {@code panel.NAME.cohort}
 * (pool that cohort's base models as the cohort scores them), {@code reference.panel},
 * {@code recompute.interval.ms}, {@code detector.min.family.models}, {@code
 * detector.min.panel.models}, {@code detector.min.cohort.releases}, {@code
 * detector.min.window.b1.range}, {@code bootstrap.resamples}, {@code diagnosis.threads}, and
 * {@code kafka.*} passed to the
 * Kafka clients as they are (SASL, SSL, …).
 *
 * @param recomputeInterval the least time between two computations of one panel's or cohort's
 *     diagnosis (the bootstrap bound of DESIGN.md)
 * @param referencePanel the panel whose pooled N_c families are judged against
 * @param bootstrapResamples bootstrap resamples of the panel N_c (METHOD.md §1.4, default 10,000)
 * @param diagnosisThreads background threads for the debounced diagnoses (a panel's, a cohort's,
 *     a family's bootstrap N_c), so that the stream thread never waits for one; 0 runs them on the
 *     stream thread inside its punctuation (default 1)
 * @param kafka client settings passed through unchanged
 */
public record StreamsSettings(
    String applicationId,
    String bootstrapServers,
    String topicPrefix,
    Optional<Path> stateDir,
    int httpPort,
    List<String> sourcePriority,
    BenchmarkRoles benchmarks,
    List<PanelSpec> panels,
    String referencePanel,
    Duration recomputeInterval,
    int bootstrapResamples,
    int diagnosisThreads,
    DetectorConfig detector,
    Map<String, String> kafka) {

  public static final String ENV_PREFIX = "PHASEWATCH_";

  public StreamsSettings {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    TopicName.checkedPrefix(topicPrefix);
    stateDir = stateDir == null ? Optional.empty() : stateDir;
    sourcePriority = List.copyOf(sourcePriority);
    Objects.requireNonNull(benchmarks, "benchmarks");
    panels = List.copyOf(panels);
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("at least one panel must be configured");
    }
    referencePanel = referencePanel == null || referencePanel.isBlank()
        ? panels.get(0).name() : referencePanel;
    if (recomputeInterval.isNegative() || recomputeInterval.isZero()) {
      throw new IllegalArgumentException("recompute.interval must be positive");
    }
    if (diagnosisThreads < 0) {
      throw new IllegalArgumentException("diagnosis.threads must not be negative");
    }
    Objects.requireNonNull(detector, "detector");
    kafka = Map.copyOf(new TreeMap<>(kafka));
  }

  public static StreamsSettings defaults() {
    return new StreamsSettings("phasewatch-streams", "localhost:9092", TopicName.DEFAULT_PREFIX,
        Optional.empty(), 8080, List.of(), BenchmarkRoles.defaults(),
        List.of(PanelSpec.allBaseFamilies("base")), "base", Duration.ofSeconds(30), 10_000,
        1, DetectorConfig.defaults(), Map.of());
  }

  /** Defaults, then {@code file} if given, then the {@code PHASEWATCH_*} entries of {@code env}. */
  public static StreamsSettings load(Optional<Path> file, Map<String, String> env)
      throws IOException {
    Map<String, String> layered = new TreeMap<>();
    if (file.isPresent()) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
        p.load(r);
      }
      p.stringPropertyNames().forEach(k -> layered.put(k, p.getProperty(k).trim()));
    }
    env.forEach((k, v) -> {
      if (k.startsWith(ENV_PREFIX)) {
        layered.put(k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
            v.trim());
      }
    });
    return defaults().with(layered);
  }

  /** These settings with {@code entries} (file-form keys) applied over them. */
  public StreamsSettings with(Map<String, String> entries) {
    Map<String, String> e = new TreeMap<>(entries);
    List<PanelSpec> panelSpecs = panels;
    if (e.containsKey("panels")) {
      panelSpecs = new ArrayList<>();
      for (String name : list(e.get("panels"))) {
        String families = e.getOrDefault("panel." + name + ".families", "");
        panelSpecs.add(new PanelSpec(name, list(families),
            Optional.ofNullable(e.get("panel." + name + ".cohort"))));
      }
    }
    Map<String, String> passthrough = new TreeMap<>(kafka);
    e.forEach((k, v) -> {
      if (k.startsWith("kafka.")) {
        passthrough.put(k.substring("kafka.".length()), v);
      }
    });
    DetectorConfig d = detector;
    d = new DetectorConfig(d.deadBand(),
        intOr(e, "detector.min.family.models", d.minFamilyModels()),
        intOr(e, "detector.min.panel.models", d.minPanelModels()),
        intOr(e, "detector.min.cohort.releases", d.minCohortReleases()),
        doubleOr(e, "detector.min.window.b1.range", d.minWindowB1RangePp()),
        d.decayBelowR(), d.brokenBelowR(), d.rMargin(), d.saturationBelowSigma(), d.sigmaMargin(),
        d.reallocationAboveDh(), d.dhMargin(), d.piMarginPp());
    return new StreamsSettings(
        e.getOrDefault("application.id", applicationId),
        e.getOrDefault("bootstrap.servers", bootstrapServers),
        e.getOrDefault("topic.prefix", topicPrefix),
        e.containsKey("state.dir") ? Optional.of(Path.of(e.get("state.dir"))) : stateDir,
        intOr(e, "http.port", httpPort),
        e.containsKey("source.priority") ? list(e.get("source.priority")) : sourcePriority,
        benchmarks,
        panelSpecs,
        e.getOrDefault("reference.panel", e.containsKey("panels") ? "" : referencePanel),
        e.containsKey("recompute.interval.ms")
            ? Duration.ofMillis(Long.parseLong(e.get("recompute.interval.ms")))
            : recomputeInterval,
        intOr(e, "bootstrap.resamples", bootstrapResamples),
        intOr(e, "diagnosis.threads", diagnosisThreads),
        d,
        passthrough);
  }

  /**
   * The Kafka Streams configuration: exactly-once v2, every internal resource explicitly named,
   * the rejecting exception handlers (given {@code rejections} to count with), then the
   * pass-through client settings.
   */
  public Properties streamsProperties(Rejections rejections) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectingDeserializationHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectingProcessingHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // A task reading several partitions (scores and models) need not wait for an empty one to
    // fetch before processing the other: every stage gives the same result in any arrival order.
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    stateDir.ifPresent(dir -> p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString()));
    p.put(Rejections.CONFIG_KEY, rejections);
    p.put(Rejections.TOPIC_CONFIG_KEY, TopicName.REJECTED.name(topicPrefix));
    p.putAll(kafka);
    return p;
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static int intOr(Map<String, String> e, String key, int fallback) {
    return e.containsKey(key) ? Integer.parseInt(e.get(key)) : fallback;
  }

  private static double doubleOr(Map<String, String> e, String key, double fallback) {
    return e.containsKey(key) ? Double.parseDouble(e.get(key)) : fallback;
  }
}
