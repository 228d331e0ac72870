package io.phasewatch.cli.run;

import io.phasewatch.core.domain.AlertEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
   * The history date of an alert. During the replay, by its event time ({@code stream_time}):
   * a family's alert carries the stamp of the score or model record that changed the family,
   * which names its replay step exactly; a panel's or cohort's diagnosis is recomputed on a
   * wall-clock schedule (at most once a second), so its alerts carry the time of computation and
   * are dated by the last step sent before it: up to a second of replay late (40 days at the
   * default speed), except after a large step, which the replay lets the app digest and
   * recompute before it goes on. After the replay, by the day the alert fired.
   *
   * @param replayDone whether the replay is over (then an alert is live)
   */
  public static LocalDate dateOf(AlertEvent alert, boolean replayDone, ReplayProgress progress,
      Clock clock) {
    Optional<Instant> firedAt = Optional.ofNullable(alert.firedAt());
    if (!replayDone) {
      Optional<LocalDate> d = Optional.ofNullable(alert.streamTime()).or(() -> firedAt)
          .flatMap(progress::dateAt).or(progress::reached);
      if (d.isPresent()) {
        return d.get();
      }
    }
    return day(firedAt.orElse(clock.instant()));
  }

  private static LocalDate day(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
