package io.phasewatch.cli;

import io.phasewatch.cli.run.Runner;
import io.phasewatch.ingest.IngestException;
import io.phasewatch.ingest.publish.Publisher;
import io.phasewatch.ingest.publish.Topics;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code phasewatch run}: the whole system in one process on the bundled snapshot (DESIGN.md
 * "One artifact, several roles"). See {@link Runner}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Run phasewatch on its embedded default: an in-process Kafka broker (unless "
            + "--bootstrap-servers), the streams topology, the alert router (console, and "
            + "--webhook), /metrics and the JSON API; replay the bundled snapshot of real "
            + "leaderboard data in date order, printing each phase change as it fires and a "
            + "summary once the history is processed; then keep running for --feed live feeds.",
        "",
        "Without --state-dir every run starts from nothing and replays the whole snapshot. With "
            + "--state-dir DIR the broker log, the streams state and the ingest checkpoints are "
            + "kept: a second run finds the snapshot already ingested, prints no phase change "
            + "again, and prints the same summary. --fresh empties DIR first.",
        "Ctrl-C (or SIGTERM) stops everything within seconds.",
        ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by Ctrl-C or SIGTERM", "1:could not start or replay",
        "2:wrong usage"})
public final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Use this Kafka instead of starting an embedded broker.")
  Optional<String> bootstrapServers = Optional.empty();

  @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080",
      description = "Port of /metrics, /api and /api/status; 0 picks a free one "
          + "(default ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Keep the broker log, streams state and ingest checkpoints here between runs "
          + "(default: a temporary directory deleted on exit).")
  Optional<Path> stateDir = Optional.empty();

  @Option(names = "--fresh", description = "Empty --state-dir first (only a directory an earlier "
      + "run created).")
  boolean fresh;

  @Option(names = "--speed", paramLabel = "DAYS", defaultValue = "40",
      description = "Days of leaderboard history replayed per second (default ${DEFAULT-VALUE}:"
          + " the 2023-07 … 2026-02 snapshot in about 24 s, longer if the streams app needs it);"
          + " 0 replays as fast as the app keeps up.")
  double speed;

  @Option(names = "--feed", paramLabel = "FILE", arity = "1..*",
      description = "Live feed files (feeds/live/*.yaml) to run after the replay, each on its "
          + "schedule (once if it has none).")
  List<Path> feeds = new ArrayList<>();

  @Option(names = "--webhook", paramLabel = "URL",
      description = "Also deliver every alert to this generic webhook (JSON; signed with "
          + "$PHASEWATCH_WEBHOOK_SECRET when it is set).")
  Optional<URI> webhook = Optional.empty();

  @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = Topics.DEFAULT_PREFIX,
      description = "Topic name prefix (default ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(names = "--resamples", paramLabel = "N", defaultValue = "10000",
      description = "Bootstrap resamples of the pooled N_c (default ${DEFAULT-VALUE}, as "
          + "`phasewatch diagnose`).")
  int resamples;

  private final PrintStream out;
  private final PrintStream err;

  public RunCommand() {
    this(System.out, System.err);
  }

  /** With explicit streams, for tests. */
  public RunCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  Runner.Settings settings() {
    if (httpPort < 0 || httpPort > 65_535) {
      throw new ParameterException(spec.commandLine(), "--http-port must be 0-65535");
    }
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw new ParameterException(spec.commandLine(), "--speed must be a number of days >= 0");
    }
    if (resamples < 100 || resamples > 1_000_000) {
      throw new ParameterException(spec.commandLine(), "--resamples must be 100-1000000");
    }
    if (webhook.isPresent() && !webhook.get().isAbsolute()) {
      throw new ParameterException(spec.commandLine(), "--webhook must be an absolute http(s) URL");
    }
    try {
      new Topics(topicPrefix);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--topic-prefix: " + e.getMessage());
    }
    return new Runner.Settings(bootstrapServers, httpPort, stateDir, fresh, speed, feeds,
        webhook, topicPrefix, resamples);
  }

  @Override
  public Integer call() throws Exception {
    Runner runner = new Runner(settings(), out, err);
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      runner.requestStop();
      main.interrupt();
      runner.close();
      err.println("phasewatch run stopped");
      err.flush();
    }, "phasewatch-run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      runner.start();
      runner.awaitStop();
      return 0;
    } catch (InterruptedException e) {
      return 0;
    } catch (IngestException | Publisher.PublishException e) {
      if (runner.stopping()) {
        return 0;
      }
      err.println("phasewatch run: the replay failed: " + e.getMessage());
      err.flush();
      return 1;
    } catch (RuntimeException e) {
      if (runner.stopping()) {
        return 0;
      }
      throw e;
    } finally {
      if (!runner.stopping()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs: it closes the runner
        }
        runner.close();
      }
    }
  }
}
