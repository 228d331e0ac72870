package io.phasewatch.alerts.delivery;

import java.time.Duration;

/** Waits between retries; injected so tests need not wait. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep}: interruptible, so a stopping router does not wait out a backoff. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
  }
}
