package io.phasewatch.alerts.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.Json;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The generic JSON webhook: the body is the alert as on the topic (snake_case JSON), signed
 * with {@code X-Phasewatch-Signature: sha256=<hex HMAC-SHA256 of the body bytes>}, and carries
 * {@code Idempotency-Key: <alert id>} so a receiver can drop a redelivery.
 */
public final class WebhookSink implements AlertSink {
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final String name;
  private final URI url;
  private final Secret secret;
  private final HttpPoster http;

  public WebhookSink(String name, URI url, Secret secret, Duration connectTimeout,
      Duration readTimeout) {
    this.name = name;
    this.url = url;
    this.secret = secret;
    this.http = new HttpPoster(connectTimeout, readTimeout);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attempt attempt(AlertEvent alert) throws InterruptedException {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(alert);
    } catch (JsonProcessingException e) {
      return Attempt.rejected("cannot write the alert as JSON: " + e.getOriginalMessage());
    }
    return http.post(url, body, Map.of(
        Signatures.HEADER, Signatures.sign(secret, body),
        IDEMPOTENCY_HEADER, alert.id()));
  }
}
