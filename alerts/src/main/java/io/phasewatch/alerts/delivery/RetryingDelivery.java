package io.phasewatch.alerts.delivery;

import io.phasewatch.alerts.metrics.RouterMetrics;
import io.phasewatch.alerts.sink.AlertSink;
import io.phasewatch.alerts.sink.Attempt;
import io.phasewatch.core.domain.AlertEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an alert to one sink under a {@link RetryPolicy}: retryable failures are retried
 * after an exponential, jittered backoff; a rejection ends at once. Counts attempts, retries and
 * deliveries in {@link RouterMetrics}.
 */
public final class RetryingDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingDelivery.class);

  private final AlertSink sink;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier uniform;
  private final RouterMetrics metrics;

  /**
   * @param uniform draws the jitter, a number in [0, 1) per wait
   */
  public RetryingDelivery(AlertSink sink, RetryPolicy policy, Sleeper sleeper, Clock clock,
      DoubleSupplier uniform, RouterMetrics metrics) {
    this.sink = sink;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.uniform = uniform;
    this.metrics = metrics;
  }

  public String sinkName() {
    return sink.name();
  }

  public AlertSink sink() {
    return sink;
  }

  /** Tries until delivered, rejected or out of attempts; interrupted only by interruption. */
  public DeliveryResult deliver(AlertEvent alert) throws InterruptedException {
    Instant start = clock.instant();
    String lastError = "";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      Attempt outcome;
      try {
        outcome = sink.attempt(alert);
      } catch (RuntimeException e) {
        // a sink bug must not kill the router; retrying the same bug would not help
        outcome = new Attempt.Rejected("sink failed: " + e);
      }
      if (outcome instanceof Attempt.Delivered) {
        Duration took = Duration.between(start, clock.instant());
        metrics.delivered(sink.name(), alert.kind(), took);
        return new DeliveryResult.Delivered(attempt, took);
      }
      metrics.failedAttempt(sink.name(), alert.kind());
      if (outcome instanceof Attempt.Rejected rejected) {
        LOG.warn("Sink {} rejected alert {} ({}): {}", sink.name(), alert.id(), alert.kind(),
            rejected.error());
        return new DeliveryResult.Failed(attempt, rejected.error());
      }
      Attempt.Retryable retryable = (Attempt.Retryable) outcome;
      lastError = retryable.error();
      if (attempt == policy.maxAttempts()) {
        break;
      }
      Duration wait = policy.backoff(attempt, uniform.getAsDouble(), retryable.retryAfter());
      LOG.info("Sink {}: attempt {}/{} for alert {} failed ({}); retrying in {} ms", sink.name(),
          attempt, policy.maxAttempts(), alert.id(), lastError, wait.toMillis());
      metrics.retried(sink.name(), alert.kind());
      sleeper.sleep(wait);
    }
    LOG.warn("Sink {}: giving up on alert {} ({}) after {} attempts: {}", sink.name(), alert.id(),
        alert.kind(), policy.maxAttempts(), lastError);
    return new DeliveryResult.Failed(policy.maxAttempts(), lastError);
  }
}
