package io.phasewatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.phasewatch.core.validation.RejectionReason;
import io.phasewatch.ingest.collect.RejectReason;
import io.phasewatch.ingest.publish.RunSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ingest role's meters, bound from the summary of each feed run (one place:
 * {@code IngestRun} calls {@link #recordRun} or {@link #recordFailure}).
 *
 * <table>
 *   <caption>Meters (Prometheus names)</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>meaning</th></tr>
 *   <tr><td>phasewatch_ingest_records_total</td><td>counter</td><td>kind</td><td>keys (scores and
 *   models together) a run found {@code published} (new), {@code corrected}, {@code unchanged}
 *   (not sent again; counted at every run that finds them) or {@code retracted} (a tombstone)</td></tr>
 *   <tr><td>phasewatch_rejected_total</td><td>counter</td><td>reason</td><td>rejected rows sent to
 *   the rejected topic: a row that stays broken is sent, and counted, once. The streams role
 *   exports the same name for the records it rejects; {@code instance} tells them apart</td></tr>
 *   <tr><td>phasewatch_ingest_runs_total</td><td>counter</td><td>kind</td><td>feed runs, {@code ok}
 *   or {@code failed} (source unreadable, format unknown, publishing failed)</td></tr>
 *   <tr><td>phasewatch_ingest_run_seconds</td><td>timer</td><td>kind</td><td>time of one feed run,
 *   {@code ok} or {@code failed}</td></tr>
 *   <tr><td>phasewatch_ingest_last_success_timestamp_seconds</td><td>gauge</td><td></td><td>Unix
 *   time the latest successful feed run ended; NaN before the first</td></tr>
 *   <tr><td>phasewatch_build_info</td><td>gauge</td><td>version</td><td>1</td></tr>
 * </table>
 *
 * <p>The feed id is not a tag (feeds are the user's, so unbounded); each run's per-feed numbers
 * are in the log line of its summary. A dry run counts what it would publish: its summary is the
 * same, and the command only serves metrics while it runs.
 *
 * <p>Every meter with a known tag value is registered at zero up front, so that Prometheus sees a
 * counter before its first increment and {@code increase()} counts that increment.
 */
public final class IngestMetrics {
  public static final String RECORDS = "phasewatch.ingest.records";
  public static final String REJECTED = "phasewatch.rejected";
  public static final String RUNS = "phasewatch.ingest.runs";
  public static final String RUN_TIME = "phasewatch.ingest.run";
  public static final String LAST_SUCCESS = "phasewatch.ingest.last.success.timestamp.seconds";
  public static final String BUILD_INFO = "phasewatch.build.info";

  public static final String KIND_PUBLISHED = "published";
  public static final String KIND_CORRECTED = "corrected";
  public static final String KIND_UNCHANGED = "unchanged";
  public static final String KIND_RETRACTED = "retracted";
  public static final String KIND_OK = "ok";
  public static final String KIND_FAILED = "failed";

  private final MeterRegistry registry;
  private final Clock clock;
  private final Counter published;
  private final Counter corrected;
  private final Counter unchanged;
  private final Counter retracted;
  private final Counter runsOk;
  private final Counter runsFailed;
  private final Timer timeOk;
  private final Timer timeFailed;
  private final AtomicReference<Double> lastSuccess = new AtomicReference<>(Double.NaN);

  /** Registers the meters on {@code registry}; {@code version} labels {@code phasewatch_build_info}. */
  public IngestMetrics(MeterRegistry registry, String version) {
    this(registry, version, Clock.systemUTC());
  }

  /** As {@link #IngestMetrics(MeterRegistry, String)}, reading the time of a success from {@code clock}. */
  public IngestMetrics(MeterRegistry registry, String version, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    published = records(KIND_PUBLISHED);
    corrected = records(KIND_CORRECTED);
    unchanged = records(KIND_UNCHANGED);
    retracted = records(KIND_RETRACTED);
    runsOk = runs(KIND_OK);
    runsFailed = runs(KIND_FAILED);
    timeOk = runTime(KIND_OK);
    timeFailed = runTime(KIND_FAILED);
    for (String reason : knownReasons()) {
      rejected(reason);
    }
    Gauge.builder(LAST_SUCCESS, lastSuccess, AtomicReference::get)
        .description("Unix time the latest successful feed run ended")
        .register(registry);
    Gauge.builder(BUILD_INFO, () -> 1).tag("version", version)
        .description("1, labelled with the running version")
        .register(registry);
  }

  /** The reasons a run can reject a row with: the collectors' and the validator's. */
  static TreeSet<String> knownReasons() {
    TreeSet<String> reasons = new TreeSet<>();
    for (RejectReason r : RejectReason.values()) {
      reasons.add(r.id());
    }
    for (RejectionReason r : RejectionReason.values()) {
      reasons.add(r.code());
    }
    return reasons;
  }

  /** A run that ended with {@code summary} after {@code took}. */
  public void recordRun(RunSummary summary, Duration took) {
    published.increment(summary.published());
    corrected.increment(summary.corrected());
    unchanged.increment(summary.unchanged());
    retracted.increment(summary.retracted());
    for (Map.Entry<String, Long> e : summary.rejectionsSentByReason().entrySet()) {
      rejected(e.getKey()).increment(e.getValue());
    }
    runsOk.increment();
    timeOk.record(took);
    lastSuccess.set(clock.millis() / 1000.0);
  }

  /** A run that failed after {@code took} (its error is the caller's to report). */
  public void recordFailure(Duration took) {
    runsFailed.increment();
    timeFailed.record(took);
  }

  private Counter records(String kind) {
    return Counter.builder(RECORDS).tag("kind", kind)
        .description("Keys of feed runs by outcome: published (new), corrected, unchanged, retracted")
        .register(registry);
  }

  private Counter rejected(String reason) {
    return Counter.builder(REJECTED).tag("reason", reason)
        .description("records sent to the rejected topic")
        .register(registry);
  }

  private Counter runs(String kind) {
    return Counter.builder(RUNS).tag("kind", kind).description("Feed runs, ok or failed")
        .register(registry);
  }

  private Timer runTime(String kind) {
    return Timer.builder(RUN_TIME).tag("kind", kind).description("Time of one feed run")
        .register(registry);
  }
}
