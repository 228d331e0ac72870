package io.phasewatch.cli.bench;

import io.phasewatch.core.domain.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code phasewatch bench}: the end-to-end benchmark of docs/PERFORMANCE.md on an embedded
 * broker. Progress goes to stderr, the table to stdout, the full result to {@code --json FILE}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmark phasewatch end to end on an embedded Kafka broker, in one run on one set of",
        "records: raw produce and consume, a pass-through Kafka Streams application with the",
        "same exactly-once settings, a keyed pass-through (phasewatch's two repartitions and",
        "stores, none of its work), the phasewatch topology (records/s and ratios), then the",
        "latency from a score's publication to its family diagnosis and to its alert at a fixed",
        "offered rate, peak heap and state bytes per model. See docs/PERFORMANCE.md."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the run completed", "1:the run failed", "2:wrong usage"})
public final class BenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--quick",
      description = "Reduced sizes that run in under two minutes: 60 families x 8 sizes, 1 cohort"
          + " of 40, 20 s of offered load, a 5 s recompute interval. Explicit options still"
          + " apply on top.")
  boolean quick;

  @Option(names = {"-F", "--families"}, paramLabel = "F",
      description = "Base-model families (default 500; quick 60).")
  Optional<Integer> families = Optional.empty();

  @Option(names = {"-S", "--sizes"}, paramLabel = "S",
      description = "Sizes per family, at least 3 (default 12; quick 8).")
  Optional<Integer> sizes = Optional.empty();

  @Option(names = "--cohorts", paramLabel = "N",
      description = "Frontier cohorts (default 2; quick 1).")
  Optional<Integer> cohorts = Optional.empty();

  @Option(names = {"-C", "--cohort-size"}, paramLabel = "C",
      description = "Releases per frontier cohort (default 100; quick 40).")
  Optional<Integer> cohortSize = Optional.empty();

  @Option(names = "--rate", paramLabel = "SCORES_PER_S", defaultValue = "1000",
      description = "Offered rate of the latency stage (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "Length of the latency stage (default 60; quick 20).")
  Optional<Integer> durationSeconds = Optional.empty();

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "4",
      description = "Partitions of the input and family-diagnosis topics (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--seed", defaultValue = "42",
      description = "Seed of the synthetic leaderboard and of the offered load (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--recompute-interval-ms", paramLabel = "MS",
      description = "The application's recompute.interval.ms: how often a panel's, a cohort's"
          + " and a changed family's bootstrap is redone (default 30000, the application's"
          + " default; quick 5000).")
  Optional<Long> recomputeIntervalMs = Optional.empty();

  @Option(names = "--bootstrap-resamples", paramLabel = "N", defaultValue = "10000",
      description = "The application's bootstrap.resamples (default ${DEFAULT-VALUE}).")
  int bootstrapResamples;

  @Option(names = "--panel-families", paramLabel = "N", defaultValue = "0",
      description = "Families in the pooled panel; 0 = every base family, the application's"
          + " default (default ${DEFAULT-VALUE}).")
  int panelFamilies;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "An application setting (as in the streams configuration file, e.g."
          + " kafka.commit.interval.ms=1000) for the reference applications and the phasewatch"
          + " application alike; repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--warmup", paramLabel = "ROUNDS", defaultValue = "1",
      description = "Rounds of every application on a copy of the records (topics of their"
          + " own) before the measured run, so that all run compiled code (default 1; 0"
          + " measures a cold start).")
  int warmupRounds;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
  Optional<Path> json = Optional.empty();

  @Override
  public Integer call() throws Exception {
    BenchOptions options;
    try {
      Workload w = new Workload(families.orElse(quick ? 60 : 500), sizes.orElse(quick ? 8 : 12),
          cohorts.orElse(quick ? 1 : 2), cohortSize.orElse(quick ? 40 : 100), seed);
      int seconds = durationSeconds.orElse(quick ? 20 : 60);
      options = new BenchOptions(w, partitions, rate, Duration.ofSeconds(seconds),
          Duration.ofSeconds(quick ? 15 : 60),
          Duration.ofMillis(recomputeIntervalMs.orElse(quick ? 5_000L : 30_000L)),
          bootstrapResamples, panelFamilies, settings, warmupRounds);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    String command = "phasewatch " + String.join(" ", spec.commandLine().getParseResult()
        .originalArgs());
    BenchResult result = new Bench(options, System.err).run(command);
    PrintWriter out = spec.commandLine().getOut();
    ResultTable.print(result, out);
    if (json.isPresent()) {
      Path file = json.get();
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);
      out.println("  result written to " + file);
      out.flush();
    }
    return 0;
  }
}
