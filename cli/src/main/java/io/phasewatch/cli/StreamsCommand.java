package io.phasewatch.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.ingest.publish.TopicCreator;
import io.phasewatch.ingest.publish.Topics;
import io.phasewatch.streams.StreamsApp;
import io.phasewatch.streams.config.StreamsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phasewatch streams}: the Kafka Streams topology as a long-running service, with its
 * metrics and JSON API. Configuration in layers: defaults, then {@code --config FILE}, then
 * {@code PHASEWATCH_*} environment variables, then the options given here. SIGTERM or Ctrl-C
 * closes it cleanly (the streams app commits and leaves its group).
 */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Run the phasewatch Kafka Streams topology as a service: family, panel and frontier "
            + "diagnoses, phase-change alerts, /metrics and the JSON API. Ctrl-C or SIGTERM stops it.",
        "",
        "Configuration in layers: defaults, then --config FILE (properties: bootstrap.servers, "
            + "http.port, state.dir, topic.prefix, panels, kafka.* …; see streams-app/README.md), "
            + "then PHASEWATCH_* environment variables (PHASEWATCH_BOOTSTRAP_SERVERS = "
            + "bootstrap.servers), then the options below.",
        ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM or Ctrl-C", "1:could not start", "2:wrong usage"})
public final class StreamsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file.")
  Optional<Path> config = Optional.empty();

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka brokers; overrides the file and $PHASEWATCH_BOOTSTRAP_SERVERS "
          + "(default localhost:9092).")
  Optional<String> bootstrapServers = Optional.empty();

  @Option(names = "--http-port", paramLabel = "N",
      description = "Port of /metrics and /api; 0 picks a free one; overrides the file and "
          + "$PHASEWATCH_HTTP_PORT (default 8080).")
  Optional<Integer> httpPort = Optional.empty();

  @Option(names = "--no-create-topics",
      description = "Do not create the phasewatch topics that are missing (by default they are "
          + "created, one partition each, with their cleanup policies).")
  boolean noCreateTopics;

  /** The settings: defaults, file, environment, then this command's options. */
  StreamsSettings settings(Map<String, String> env) throws IOException {
    StreamsSettings fromFileAndEnv = StreamsSettings.load(config, env);
    Map<String, String> options = new TreeMap<>();
    bootstrapServers.ifPresent(b -> options.put("bootstrap.servers", b));
    httpPort.ifPresent(p -> options.put("http.port", Integer.toString(p)));
    return fromFileAndEnv.with(options);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    StreamsSettings settings;
    try {
      settings = settings(System.getenv());
    } catch (NoSuchFileException e) {
      throw new UserInputException("--config " + e.getFile() + ": no such file", e);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("invalid configuration: " + e.getMessage(), e);
    }
    if (!noCreateTopics) {
      Map<String, Object> client = new HashMap<>(settings.kafka());
      client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
      try (Admin admin = Admin.create(client)) {
        TopicCreator.ensure(admin, new Topics(settings.topicPrefix()), 1, Optional.empty());
      } catch (IllegalStateException e) {
        err.println("phasewatch streams: cannot reach Kafka at " + settings.bootstrapServers()
            + ": " + e.getMessage());
        err.flush();
        return 1;
      }
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StreamsApp app = new StreamsApp(settings, registry, VersionProvider.version(), Map.of());
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      app.close();
      registry.close();
      stopped.countDown();
    }, "phasewatch-streams-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      app.start();
    } catch (IOException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      app.close();
      registry.close();
      err.println("phasewatch streams: cannot serve HTTP on port " + settings.httpPort() + ": "
          + e.getMessage());
      err.flush();
      return 1;
    }
    err.printf("phasewatch streams: application %s on %s, topics %s.*; /metrics and /api on "
            + "port %d%n", settings.applicationId(), settings.bootstrapServers(),
        settings.topicPrefix(), app.httpPort());
    err.flush();
    stopped.await();
    return 0;
  }
}
