package io.phasewatch.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.collect.RejectReason;
import io.phasewatch.ingest.collect.Rejection;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.publish.ChangeSet;
import io.phasewatch.ingest.publish.Checkpoint;
import io.phasewatch.ingest.publish.RunSummary;
import io.phasewatch.ingest.resolve.Collected;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {
  private static final Instant T1 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-01T01:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double count(String name, String tag, String value) {
    Counter c = registry.find(name).tag(tag, value).counter();
    assertThat(c).as("%s{%s=%s}", name, tag, value).isNotNull();
    return c.count();
  }

  private double records(String kind) {
    return count(IngestMetrics.RECORDS, "kind", kind);
  }

  private double lastSuccess() {
    return registry.get(IngestMetrics.LAST_SUCCESS).gauge().value();
  }

  private static FeedConfig feed() {
    FeedConfig f = FeedConfig.inline("f", "jsonl", "x.jsonl", Optional.empty(), Path.of("/tmp"));
    return new FeedConfig(f.id(), f.format(), f.location(), Optional.empty(), Optional.empty(), 7, true,
        List.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(), Optional.empty(),
        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), f.baseDir());
  }

  private static ScoreRecord score(String model, double value) {
    return ScoreRecord.of("f", model, "hellaswag", value, Scale.PERCENT);
  }

  private static ModelRecord model(String id) {
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, id, "Fam", OptionalDouble.of(1.0), OptionalInt.empty(),
        null, Optional.empty(), Optional.empty(), List.of(), Map.of("family", "test", "params_b", "test"));
  }

  @Test
  void aRunAddsScoresAndModelsPerOutcomeAndStampsTheLastSuccess() {
    IngestMetrics metrics = new IngestMetrics(registry, "1.2.3",
        Clock.fixed(Instant.parse("2026-11-01T12:00:00.250Z"), ZoneOffset.UTC));
    RunSummary summary = new RunSummary("f", false, false, new RunSummary.Counts(10, 2, 30, 1),
        new RunSummary.Counts(4, 1, 7, 0), Map.of("not_a_number", 3L, "out_of_range", 1L),
        Map.of("not_a_number", 2L));

    metrics.recordRun(summary, Duration.ofMillis(1500));

    assertThat(records("published")).isEqualTo(14.0);   // 10 scores + 4 models
    assertThat(records("corrected")).isEqualTo(3.0);    // 2 + 1
    assertThat(records("unchanged")).isEqualTo(37.0);   // 30 + 7
    assertThat(records("retracted")).isEqualTo(1.0);
    assertThat(count(IngestMetrics.REJECTED, "reason", "not_a_number"))
        .as("the rejections sent, not every row still broken").isEqualTo(2.0);
    assertThat(count(IngestMetrics.REJECTED, "reason", "out_of_range")).isZero();
    assertThat(count(IngestMetrics.RUNS, "kind", "ok")).isEqualTo(1.0);
    assertThat(count(IngestMetrics.RUNS, "kind", "failed")).isZero();
    Timer ok = registry.get(IngestMetrics.RUN_TIME).tag("kind", "ok").timer();
    assertThat(ok.count()).isEqualTo(1);
    assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500.0);
    assertThat(lastSuccess()).isEqualTo(1793534400.25);   // date -u -d 2026-11-01T12:00:00Z +%s, plus 0.25
  }

  @Test
  void countersAccumulateOverRunsAndABrokenRowIsCountedWhenItIsSentNotAtEveryRead() {
    IngestMetrics metrics = new IngestMetrics(registry, "dev");
    Rejection broken = Rejection.parse(RejectReason.NOT_A_NUMBER, 3, "f", "m,forty", "value 'forty'");
    Collected first = new Collected(List.of(score("a", 50), score("b", 60)), List.of(model("a"), model("b")),
        List.of(broken));
    ChangeSet one = ChangeSet.between(Checkpoint.empty("f", "t"), first, feed(), T1, "file:/x", false);
    metrics.recordRun(one.summary(), Duration.ofMillis(10));

    // an hour later: b corrected, a unchanged, the same row still broken
    Collected second = new Collected(List.of(score("a", 50), score("b", 61)), List.of(model("a"), model("b")),
        List.of(broken));
    ChangeSet two = ChangeSet.between(new Checkpoint(1, "f", "t", Optional.empty(), Optional.empty(),
        one.nextEntries()), second, feed(), T2, "file:/x", false);
    metrics.recordRun(two.summary(), Duration.ofMillis(10));

    assertThat(two.summary().rejected()).as("the summary counts it at every read").isEqualTo(1);
    assertThat(count(IngestMetrics.REJECTED, "reason", "not_a_number")).as("sent once").isEqualTo(1.0);
    assertThat(records("published")).isEqualTo(4.0);    // run 1: 2 scores + 2 models
    assertThat(records("corrected")).isEqualTo(1.0);    // run 2: b
    assertThat(records("unchanged")).isEqualTo(3.0);    // run 2: score a, models a and b
    assertThat(records("retracted")).isZero();
    assertThat(count(IngestMetrics.RUNS, "kind", "ok")).isEqualTo(2.0);
  }

  @Test
  void aFailedRunIsCountedAndTimedAndLeavesTheLastSuccessAlone() {
    IngestMetrics metrics = new IngestMetrics(registry, "dev");
    metrics.recordFailure(Duration.ofSeconds(2));

    assertThat(count(IngestMetrics.RUNS, "kind", "failed")).isEqualTo(1.0);
    assertThat(count(IngestMetrics.RUNS, "kind", "ok")).isZero();
    assertThat(registry.get(IngestMetrics.RUN_TIME).tag("kind", "failed").timer().totalTime(TimeUnit.SECONDS))
        .isEqualTo(2.0);
    assertThat(lastSuccess()).as("never succeeded").isNaN();
    assertThat(records("published")).isZero();
  }

  @Test
  void everyKnownTagValueIsThereAtZeroBeforeTheFirstRunAndBuildInfoCarriesTheVersion() {
    new IngestMetrics(registry, "0.1.0-SNAPSHOT");

    for (String kind : List.of("published", "corrected", "unchanged", "retracted")) {
      assertThat(records(kind)).as(kind).isZero();
    }
    for (String kind : List.of("ok", "failed")) {
      assertThat(count(IngestMetrics.RUNS, "kind", kind)).as(kind).isZero();
    }
    // the collectors' five parse reasons and the validator's ten, missing_field in both
    assertThat(registry.find(IngestMetrics.REJECTED).counters()).hasSize(14)
        .allSatisfy(c -> assertThat(c.count()).isZero());
    assertThat(registry.find(IngestMetrics.REJECTED).tag("reason", "malformed_row").counter()).isNotNull();
    assertThat(registry.find(IngestMetrics.REJECTED).tag("reason", "unknown_benchmark").counter()).isNotNull();
    Gauge info = registry.get(IngestMetrics.BUILD_INFO).gauge();
    assertThat(info.getId().getTag("version")).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(info.value()).isEqualTo(1.0);
    assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
        .extracting(t -> t.getKey()).isSubsetOf("kind", "reason", "version"));
  }
}
