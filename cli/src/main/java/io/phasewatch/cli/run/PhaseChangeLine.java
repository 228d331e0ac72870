package io.phasewatch.cli.run;

import io.phasewatch.core.domain.AlertEvent;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A phase change as {@code phasewatch run} prints it, one line: the history date, the edge
 * (fired or resolved), the kind, the subject and the key evidence (the alert's summary, which
 * carries the figures). E.g. {@code 2024-04-03  FIRED     FAMILY_CROSSED_NC         Qwen1.5:
 * family Qwen1.5 crossed N_c in …}.
 */
public final class PhaseChangeLine {
  private PhaseChangeLine() {}

  public static String format(AlertEvent alert, LocalDate date) {
    return String.format(Locale.ROOT, "%s  %-9s %-25s %s: %s", date,
        alert.state() == null ? "?" : alert.state().name(), alert.kind(), alert.subject(),
        alert.summary().strip().replaceAll("\\s+", " "));
  }

  /**
   * The history date of an alert raised during the replay: the date the replay had reached when
   * the detector raised it ({@code fired_at}), i.e. the newest data its diagnosis had read. A
   * panel or cohort is recomputed at most once a second, so at 30 days per second its alerts may
   * come up to a month of history after the score that caused them.
   */
  public static LocalDate replayDate(AlertEvent alert, ReplayProgress progress,
      LocalDate fallback) {
    return Optional.ofNullable(alert.firedAt()).flatMap(progress::reachedAt)
        .or(progress::reached).orElse(fallback);
  }
}
