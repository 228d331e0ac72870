package io.phasewatch.cli.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the replay has come, shared by the replay thread, the alert printer and {@code
 * /api/status}: the records planned and published, and the stamp each step was sent with and the
 * history date it stands for (an alert is dated by its event time).
 */
public final class ReplayProgress {
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicReference<Optional<LocalDate>> first = new AtomicReference<>(Optional.empty());
  private final AtomicReference<Optional<LocalDate>> last = new AtomicReference<>(Optional.empty());
  private final AtomicReference<Optional<LocalDate>> reached =
      new AtomicReference<>(Optional.empty());
  private final AtomicReference<Optional<Instant>> publishedAt =
      new AtomicReference<>(Optional.empty());
  private final NavigableMap<Instant, LocalDate> timeline = new ConcurrentSkipListMap<>();

  void planned(long records, Optional<LocalDate> firstDate, Optional<LocalDate> lastDate) {
    total.set(records);
    first.set(firstDate);
    last.set(lastDate);
  }

  /** {@code records} of history date {@code date} are sent stamped {@code stamp}. */
  void sent(Optional<LocalDate> date, long records, Instant stamp) {
    date.ifPresent(d -> {
      reached.set(Optional.of(d));
      timeline.put(stamp, d);
    });
    published.addAndGet(records);
  }

  void allSent(Instant when) {
    publishedAt.set(Optional.of(when));
  }

  public long total() {
    return total.get();
  }

  public long published() {
    return published.get();
  }

  public Optional<LocalDate> firstDate() {
    return first.get();
  }

  public Optional<LocalDate> lastDate() {
    return last.get();
  }

  /** The latest history date published so far. */
  public Optional<LocalDate> reached() {
    return reached.get();
  }

  /** When the last record of the replay was acknowledged; empty while it runs. */
  public Optional<Instant> allPublishedAt() {
    return publishedAt.get();
  }

  /**
   * The history date of event time {@code when}: that of the step stamped {@code when}, or of the
   * last step stamped before it (a diagnosis computed at wall-clock time {@code when} has read
   * no later step); the first date of the replay before any; empty when nothing dated was
   * planned.
   */
  public Optional<LocalDate> dateAt(Instant when) {
    Map.Entry<Instant, LocalDate> e = timeline.floorEntry(when);
    return e != null ? Optional.of(e.getValue()) : firstDate();
  }
}
