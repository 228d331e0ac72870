package io.phasewatch.alerts.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * POSTs a body and classifies the answer for the retry loop: 2xx delivered; 429, 5xx, timeouts
 * and I/O errors retryable; any other status (4xx, and 3xx: redirects are not followed, a moved
 * endpoint is a configuration error) rejected.
 *
 * <p>The connect timeout bounds the connection handshake; the read timeout bounds the wait from
 * the request sent to the response headers. HTTP/1.1 only: receivers behind plain-HTTP
 * endpoints should not see an h2c upgrade attempt.
 */
final class HttpPoster {
  private static final int MAX_ERROR_BODY = 200;

  private final HttpClient client;
  private final Duration readTimeout;

  HttpPoster(Duration connectTimeout, Duration readTimeout) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.readTimeout = readTimeout;
  }

  /**
   * Writes {@code value} as JSON and POSTs it with the headers {@code headers} gives for the body
   * bytes; a value that cannot be written is rejected ("cannot write {@code what}: …").
   */
  Attempt postJson(URI url, Object value, String what,
      Function<byte[], Map<String, String>> headers) throws InterruptedException {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      return Attempt.rejected("cannot write " + what + ": " + e.getOriginalMessage());
    }
    return post(url, body, headers.apply(body));
  }

  Attempt post(URI url, byte[] body, Map<String, String> headers) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(readTimeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "phasewatch-alerts")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return Attempt.retryable("timeout: " + e.getMessage());
    } catch (IOException e) {
      return Attempt.retryable(e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    return classify(response.statusCode(), response.body(),
        response.headers().firstValue("Retry-After"));
  }

  static Attempt classify(int status, String body, Optional<String> retryAfter) {
    if (status >= 200 && status < 300) {
      return Attempt.delivered();
    }
    String error = "HTTP " + status + excerpt(body);
    if (status == 429 || status >= 500) {
      return new Attempt.Retryable(error, retryAfter.flatMap(HttpPoster::retryAfterSeconds));
    }
    return Attempt.rejected(error);
  }

  /** {@code Retry-After} in seconds; the HTTP-date form is ignored (the backoff applies). */
  static Optional<Duration> retryAfterSeconds(String value) {
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return ": " + (oneLine.length() > MAX_ERROR_BODY
        ? oneLine.substring(0, MAX_ERROR_BODY) + "…" : oneLine);
  }
}
