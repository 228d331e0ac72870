package io.phasewatch.alerts.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Optional;

/**
 * How often and how patiently a sink is retried: at most {@code maxAttempts} attempts in all; the
 * wait before retry k (k = 1, 2, ...) is {@code initialBackoff · multiplier^(k-1)}, capped at
 * {@code maxBackoff}, then spread by ±{@code jitter} (a fraction) so that many routers retrying
 * one receiver do not arrive together.
 *
 * <p>A {@code Retry-After} the receiver sent (429, 503) raises the wait to it, never above
 * {@code maxBackoff}: the budget stays bounded, which keeps one record's delivery well inside the
 * consumer's {@code max.poll.interval.ms}.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
    double jitter) {

  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
  public static final double DEFAULT_MULTIPLIER = 2.0;
  public static final double DEFAULT_JITTER = 0.2;

  public RetryPolicy {
    if (initialBackoff == null || maxBackoff == null) {
      throw new IllegalArgumentException("retry initial_backoff and max_backoff are required");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "retry max_attempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "retry needs 0 <= initial_backoff <= max_backoff, was " + initialBackoff + " and "
              + maxBackoff);
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("retry multiplier must be at least 1, was " + multiplier);
    }
    if (jitter < 0.0 || jitter >= 1.0) {
      throw new IllegalArgumentException("retry jitter must be in [0, 1), was " + jitter);
    }
  }

  public static RetryPolicy defaults() {
    return of(null, null, null, null, null);
  }

  /** From the configuration file: a missing value takes its default. */
  @JsonCreator
  public static RetryPolicy of(
      @JsonProperty("max_attempts") Integer maxAttempts,
      @JsonProperty("initial_backoff") Duration initialBackoff,
      @JsonProperty("max_backoff") Duration maxBackoff,
      @JsonProperty("multiplier") Double multiplier,
      @JsonProperty("jitter") Double jitter) {
    return new RetryPolicy(
        maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts,
        initialBackoff == null ? DEFAULT_INITIAL_BACKOFF : initialBackoff,
        maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff,
        multiplier == null ? DEFAULT_MULTIPLIER : multiplier,
        jitter == null ? DEFAULT_JITTER : jitter);
  }

  /**
   * The wait before retry {@code retry} (1 for the first retry, after attempt 1 failed).
   *
   * @param uniform a number in [0, 1) drawn for this wait: 0.5 gives the wait without jitter
   * @param retryAfter what the receiver asked for, if anything
   */
  public Duration backoff(int retry, double uniform, Optional<Duration> retryAfter) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry counts from 1, was " + retry);
    }
    double capNanos = maxBackoff.toNanos();
    double base = Math.min(capNanos, initialBackoff.toNanos() * Math.pow(multiplier, retry - 1));
    double spread = base * (1.0 + jitter * (2.0 * uniform - 1.0));
    double floor = retryAfter.map(d -> (double) d.toNanos()).orElse(0.0);
    return Duration.ofNanos(Math.round(Math.min(capNanos, Math.max(spread, floor))));
  }
}
