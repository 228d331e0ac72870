package io.phasewatch.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.alerts.config.RouterConfig;
import io.phasewatch.alerts.config.RouterConfigs;
import io.phasewatch.alerts.config.RouterConfigs.InvalidConfigException;
import io.phasewatch.alerts.kafka.AlertRouterService;
import io.phasewatch.alerts.sink.AlertSink;
import io.phasewatch.alerts.sink.Sinks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code phasewatch alerts}: the alert router as a long-running service. Reads phase-change
 * events from {@code <prefix>.alerts.v1} and delivers them to the sinks of the configuration
 * file (without one: every alert to the console), serving its metrics on {@code /metrics}.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
        "Run the alert router: deliver phase-change alerts from <prefix>.alerts.v1 to the sinks "
            + "of a YAML configuration (console, log, signed webhook, Slack, Alertmanager, JSON "
            + "Lines), at least once and once per sink. Ctrl-C stops it.",
        "Without --config every alert is printed as one line on standard output."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:stopped by Ctrl-C, or --check-config/--example-config done",
        "1:the router stopped on an error",
        "2:the configuration is invalid"})
public final class AlertsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Router configuration (YAML). See --example-config.")
  Optional<Path> config = Optional.empty();

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:PHASEWATCH_BOOTSTRAP_SERVERS:-localhost:9092}",
      description = "Kafka bootstrap servers "
          + "(default: $PHASEWATCH_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(names = "--topic-prefix", paramLabel = "PREFIX",
      description = "Topic prefix; overrides topic_prefix of the file (default phasewatch).")
  Optional<String> topicPrefix = Optional.empty();

  @Option(names = "--group-id", paramLabel = "GROUP",
      description = "Consumer group; overrides group_id of the file (default phasewatch-alerts).")
  Optional<String> groupId = Optional.empty();

  @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "9404",
      description = "Port of /metrics (Prometheus text format); -1 turns it off "
          + "(default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
      description = "Address /metrics listens on (default ${DEFAULT-VALUE}).")
  String metricsHost;

  @Option(names = "--check-config",
      description = "Validate the configuration and build its sinks (secrets included), then exit.")
  boolean checkConfig;

  @Option(names = "--example-config",
      description = "Print an annotated example configuration and exit.")
  boolean exampleConfig;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (exampleConfig) {
      out.print(example());
      out.flush();
      return 0;
    }
    RouterConfig routerConfig;
    try {
      routerConfig = config.map(RouterConfigs::load).orElseGet(() -> RouterConfig.consoleOnly(
          topicPrefix.orElse(RouterConfig.DEFAULT_TOPIC_PREFIX)));
      routerConfig = topicPrefix.map(routerConfig::withTopicPrefix).orElse(routerConfig);
      routerConfig = groupId.map(routerConfig::withGroupId).orElse(routerConfig);
      if (checkConfig) {
        Map<String, AlertSink> sinks = Sinks.create(routerConfig, Sinks.systemEnv(), System.out);
        sinks.values().forEach(AlertSink::close);
        out.printf("%s: %d sinks, %d routes, topics %s.alerts.*%n",
            config.map(Path::toString).orElse("(no file: console only)"), sinks.size(),
            routerConfig.routes().size(), routerConfig.topicPrefix());
        out.flush();
        return 0;
      }
    } catch (InvalidConfigException e) {
      err.println("Invalid alert router configuration: " + e.getMessage());
      err.flush();
      return 2;
    }

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Optional<MetricsEndpoint> metrics = metricsPort < 0 ? Optional.empty()
        : Optional.of(MetricsEndpoint.start(
            new InetSocketAddress(metricsHost, metricsPort), registry));
    AlertRouterService router;
    try {
      router = AlertRouterService.builder(routerConfig, bootstrapServers)
          .meterRegistry(registry)
          .start();
    } catch (InvalidConfigException e) {
      metrics.ifPresent(MetricsEndpoint::close);
      err.println("Invalid alert router configuration: " + e.getMessage());
      err.flush();
      return 2;
    } catch (RuntimeException e) {
      // Kafka unreachable, topics not creatable, the ledger unreadable
      metrics.ifPresent(MetricsEndpoint::close);
      err.println("Could not start the alert router: " + e.getMessage());
      err.flush();
      return 1;
    }
    metrics.ifPresent(m ->
        err.printf("Alert router metrics on http://%s:%d/metrics%n", metricsHost, m.port()));
    err.flush();

    Thread hook = new Thread(() -> {
      router.close();
      metrics.ifPresent(MetricsEndpoint::close);
    }, "phasewatch-alerts-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    while (!router.awaitTermination(Duration.ofSeconds(1))) {
      // runs until Ctrl-C (the hook stops it) or a failure ends the loop
    }
    if (router.failure().isPresent()) {
      err.println("Alert router stopped: " + router.failure().get());
      err.flush();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is already running
      }
      router.close();
      metrics.ifPresent(MetricsEndpoint::close);
      return 1;
    }
    return 0;
  }

  private static String example() throws IOException {
    try (InputStream in =
        RouterConfig.class.getResourceAsStream("/io/phasewatch/alerts/alerts.example.yml")) {
      if (in == null) {
        throw new IOException("the example configuration is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
