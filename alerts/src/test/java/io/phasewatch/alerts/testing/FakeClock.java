package io.phasewatch.alerts.testing;

import io.phasewatch.alerts.delivery.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when its {@link #sleeper()} is asked to wait, by that much. */
public final class FakeClock extends Clock {
  private volatile Instant now;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  public FakeClock(Instant start) {
    this.now = start;
  }

  public Sleeper sleeper() {
    return d -> {
      waits.add(d);
      now = now.plus(d);
    };
  }

  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
