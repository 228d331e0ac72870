package io.phasewatch.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Evidence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhaseChangeLineTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:05:00Z"),
      ZoneOffset.UTC);

  private static AlertEvent alert(AlertKind kind, String subject, Instant firedAt,
      Instant streamTime) {
    return AlertEvent.of(kind, AlertState.FIRED, subject, "family " + subject + " crossed N_c",
        Evidence.empty(), firedAt, streamTime);
  }

  /** Two steps: 2023-09-09 stamped T0+10 s, 2023-10-16 stamped T0+12 s. */
  private static ReplayProgress progress() {
    ReplayProgress p = new ReplayProgress();
    p.planned(10, Optional.of(LocalDate.parse("2023-07-19")),
        Optional.of(LocalDate.parse("2026-02-19")));
    p.sent(Optional.of(LocalDate.parse("2023-09-09")), 5, T0.plusSeconds(10));
    p.sent(Optional.of(LocalDate.parse("2023-10-16")), 5, T0.plusSeconds(12));
    return p;
  }

  @Test
  void aFamilyAlertIsDatedByTheStepItsEventTimeStamps() {
    // processed late: fired at T0+20 s, but caused by the record stamped T0+10 s
    AlertEvent a = alert(AlertKind.FAMILY_CROSSED_NC, "Llama-2", T0.plusSeconds(20),
        T0.plusSeconds(10));
    assertThat(PhaseChangeLine.dateOf(a, false, progress(), CLOCK))
        .isEqualTo(LocalDate.parse("2023-09-09"));
  }

  @Test
  void aPanelAlertIsDatedByTheLastStepSentBeforeItsComputation() {
    AlertEvent a = alert(AlertKind.NC_SHIFT, "pooled", T0.plusSeconds(11), T0.plusSeconds(11));
    assertThat(PhaseChangeLine.dateOf(a, false, progress(), CLOCK))
        .isEqualTo(LocalDate.parse("2023-09-09"));
    AlertEvent early = alert(AlertKind.NC_SHIFT, "pooled", T0.plusSeconds(1), T0.plusSeconds(1));
    assertThat(PhaseChangeLine.dateOf(early, false, progress(), CLOCK))
        .as("before anything was sent: the first date of the replay")
        .isEqualTo(LocalDate.parse("2023-07-19"));
  }

  @Test
  void afterTheReplayAnAlertIsDatedByTheDayItFired() {
    AlertEvent a = alert(AlertKind.NC_SHIFT, "pooled", Instant.parse("2026-11-28T01:00:00Z"),
        Instant.parse("2026-11-28T01:00:00Z"));
    assertThat(PhaseChangeLine.dateOf(a, true, progress(), CLOCK))
        .isEqualTo(LocalDate.parse("2026-11-28"));
  }

  @Test
  void theLineSaysDateEdgeKindSubjectAndSummary() {
    AlertEvent a = alert(AlertKind.FAMILY_CROSSED_NC, "Llama-2", T0, T0);
    assertThat(PhaseChangeLine.format(a, LocalDate.parse("2023-10-16"))).isEqualTo(
        "2023-10-16  FIRED     FAMILY_CROSSED_NC         Llama-2: family Llama-2 crossed N_c");
  }
}
