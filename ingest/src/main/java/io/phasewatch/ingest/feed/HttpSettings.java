package io.phasewatch.ingest.feed;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits for reading a feed's location (HTTP and files alike for the size cap).
 *
 * @param connectTimeout e.g. {@code 10s}; ISO-8601 ({@code PT10S}) is accepted too
 * @param readTimeout the whole response, e.g. {@code 60s}
 * @param maxBytes the largest body accepted
 * @param retries further attempts after a failed one (connection error, timeout, 429, 5xx)
 * @param backoff the first wait between attempts; it doubles each time
 */
public record HttpSettings(Optional<String> connectTimeout, Optional<String> readTimeout,
                           Optional<Long> maxBytes, Optional<Integer> retries,
                           Optional<String> backoff) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_RETRIES = 3;
  public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);

  public HttpSettings {
    connectTimeout = connectTimeout == null ? Optional.empty() : connectTimeout;
    readTimeout = readTimeout == null ? Optional.empty() : readTimeout;
    maxBytes = maxBytes == null ? Optional.empty() : maxBytes;
    retries = retries == null ? Optional.empty() : retries;
    backoff = backoff == null ? Optional.empty() : backoff;
  }

  public static HttpSettings defaults() {
    return new HttpSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  public Duration connectTimeoutDuration() {
    return connectTimeout.map(Durations::parse).orElse(DEFAULT_CONNECT_TIMEOUT);
  }

  public Duration readTimeoutDuration() {
    return readTimeout.map(Durations::parse).orElse(DEFAULT_READ_TIMEOUT);
  }

  public long maxBytesOrDefault() {
    return maxBytes.orElse(DEFAULT_MAX_BYTES);
  }

  public int retriesOrDefault() {
    return retries.orElse(DEFAULT_RETRIES);
  }

  public Duration backoffDuration() {
    return backoff.map(Durations::parse).orElse(DEFAULT_BACKOFF);
  }
}
