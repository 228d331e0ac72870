package io.phasewatch.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run measured, as written by {@code phasewatch bench --json FILE}
 * (snake_case field names). Throughputs are records per second over the input records (models
 * and scores); {@code ratio_vs_raw} is phasewatch over the slower of raw produce and raw consume,
 * {@code ratio_vs_passthrough} phasewatch over the pass-through application, {@code
 * ratio_vs_keyed_passthrough} phasewatch over the keyed pass-through ({@link PassThrough#keyed}:
 * the same re-keying and state, none of the work).
 *
 * @param peakHeapBytes the largest used heap sampled while the phasewatch application ran
 *     (backfill and latency stages); the broker and the benchmark's clients share the JVM
 * @param liveHeapAfterBackfillBytes used heap after a full collection, once the backfill was done
 * @param stateBytesPerModel the application's state directory (RocksDB files after a clean close)
 *     over the number of models
 * @param changelogBytesPerModel the application's changelog topics on the broker (before log
 *     compaction) over the number of models
 * @param changelogBytesByStore the same bytes by store
 * @param streamThreadFailures stream threads of the phasewatch application that died during the
 *     run (Kafka Streams' {@code failed-stream-threads}); above zero the run is not valid
 */
public record BenchResult(
    String command,
    Machine machine,
    Setup setup,
    double rawProduceRps,
    double rawConsumeRps,
    double passthroughRps,
    double keyedPassthroughRps,
    double phasewatchRps,
    double ratioVsRaw,
    double ratioVsPassthrough,
    double ratioVsKeyedPassthrough,
    Seconds seconds,
    Latency latencyMs,
    Offered offered,
    long peakHeapBytes,
    long maxHeapBytes,
    long liveHeapAfterBackfillBytes,
    long stateBytes,
    double stateBytesPerModel,
    long changelogBytes,
    double changelogBytesPerModel,
    Map<String, Long> changelogBytesByStore,
    long streamThreadFailures) {

  /**
   * Where it ran. The load averages (one minute, of the whole machine) show whether other work
   * shared the cores: this process alone keeps about one to two of them busy.
   */
  public record Machine(int cores, String javaVersion, String os, double loadAverageAtStart,
      double loadAverageAtEnd) {
    static double loadAverage() {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    Machine ended() {
      return new Machine(cores, javaVersion, os, loadAverageAtStart, loadAverage());
    }

    static Machine current() {
      return new Machine(Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"), loadAverage(),
          Double.NaN);
    }
  }

  /** The workload and the application settings that matter for the numbers. */
  public record Setup(int families, int sizes, int cohorts, int cohortSize, long seed,
      int partitions, int models, long scores, long records, long recomputeIntervalMs,
      int bootstrapResamples, int panelModels, Map<String, String> settings,
      int warmupRounds) {}

  /**
   * Elapsed time of each stage; start-up is from {@code start()} to the first RUNNING state, the
   * processing time from there until every input record is processed and committed. {@code
   * phasewatchSettle} is how much later the last diagnosis of the backfill came out: those that
   * wait for a wall-clock punctuation (a panel's, a cohort's, a family's bootstrap N_c) come up to
   * one recompute interval after their input.
   */
  public record Seconds(double rawProduce, double rawConsume, double passthroughStartup,
      double passthrough, double keyedPassthrough, double phasewatchStartup, double phasewatch,
      double phasewatchSettle) {}

  /**
   * Publish → output latencies: the family diagnosis and the alert as read from their topics,
   * and the alert as delivered by the alert router to a webhook.
   */
  public record Latency(LatencySummary diagnosis, LatencySummary alert,
      LatencySummary alertDelivered) {}

  /** The offered load of the latency stage. */
  public record Offered(double rate, double achievedRate, double durationSeconds, int scores,
      int alertTriggers, int triggerFamilies, int unexpectedAlerts, List<String> unexpected) {}
}
