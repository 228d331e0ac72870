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
   * The history date of an alert. A family's alerts carry the event time of the score that
   * changed the family ({@code stream_time}), which the replay stamps with its history date: that
   * date, exactly. A panel's or cohort's diagnosis is recomputed on a wall-clock schedule (at
   * most once a second), so its alerts carry the time of computation: they are dated by the
   * history date the replay had sent when the detector raised them ({@code fired_at}), up to a
   * second of replay late (a month at the default 30 days per second). Alerts after the replay
   * are dated by the day they fired.
   *
   * @param runStarted before it, a stream time is a history date
   * @param replayDone whether the replay is over (then an alert is live)
   */
  public static LocalDate dateOf(AlertEvent alert, Instant runStarted, boolean replayDone,
      ReplayProgress progress, Clock clock) {
    Optional<Instant> streamTime = Optional.ofNullable(alert.streamTime());
    Optional<Instant> firedAt = Optional.ofNullable(alert.firedAt());
    if (streamTime.isPresent() && streamTime.get().isBefore(runStarted)) {
      return day(streamTime.get());
    }
    if (!replayDone) {
      Optional<LocalDate> reached = firedAt.flatMap(progress::reachedAt).or(progress::reached);
      if (reached.isPresent()) {
        return reached.get();
      }
    }
    return day(firedAt.orElse(clock.instant()));
  }

  private static LocalDate day(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
