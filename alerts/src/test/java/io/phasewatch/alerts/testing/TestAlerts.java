package io.phasewatch.alerts.testing;

import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Evidence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Alert events for tests. */
public final class TestAlerts {
  public static final Instant FIRED_AT = Instant.parse("2026-11-20T10:15:30Z");
  public static final Instant STREAM_TIME = Instant.parse("2026-11-01T00:00:00Z");

  private TestAlerts() {}

  /** A frontier cohort whose rolling r broke (critical), with full evidence. */
  public static AlertEvent brokenCoupling(AlertState state, String cohort) {
    Evidence evidence = Evidence.of(Map.of("r", 0.21, "r_baseline", 0.71), 14)
        .withCi(new Evidence.Interval("r", 0.95, 0.05, 0.40))
        .withWindow(new Evidence.Window(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-10-31")))
        .withContributingModels(List.of(
            new Evidence.Contributor("model-b", Map.of("gpqa_diamond", "epoch", "swe_bench_verified", "swebench")),
            new Evidence.Contributor("model-a", Map.of("gpqa_diamond", "epoch"))));
    return AlertEvent.of(AlertKind.FRONTIER_COUPLING_BROKEN, state, cohort,
        "Rolling r of cohort " + cohort + " fell to 0.21 (baseline 0.71)", evidence, FIRED_AT,
        STREAM_TIME);
  }

  /** Alert number {@code i} of a series: distinct ids, one family each. */
  public static AlertEvent familyCrossed(int i) {
    return AlertEvent.of(AlertKind.FAMILY_CROSSED_NC, AlertState.FIRED, "family-" + i,
        "Family family-" + i + " crossed N_c", Evidence.of(Map.of("gamma12_after", 0.3 + i), 4 + i),
        FIRED_AT.plusSeconds(i), STREAM_TIME);
  }

  public static AlertEvent of(AlertKind kind, AlertState state, String subject) {
    return AlertEvent.of(kind, state, subject, kind + " on " + subject,
        Evidence.of(Map.of("x", 1.0), 5), FIRED_AT, STREAM_TIME);
  }
}
