package io.phasewatch.alerts.sink;

import io.phasewatch.core.domain.AlertEvent;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generic JSON webhook: the body is the alert as on the topic (snake_case JSON), signed
 * with {@code X-Phasewatch-Signature: sha256=<hex HMAC-SHA256 of the body bytes>} (unless it was
 * built without a secret), and carries {@code Idempotency-Key: <alert id>} so a receiver can
 * drop a redelivery.
 */
public final class WebhookSink implements AlertSink {
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final String name;
  private final URI url;
  private final Optional<Secret> secret;
  private final HttpPoster http;

  public WebhookSink(String name, URI url, Secret secret, Duration connectTimeout,
      Duration readTimeout) {
    this(name, url, Optional.of(secret), connectTimeout, readTimeout);
  }

  /** With an empty {@code secret} the requests carry no signature header. */
  public WebhookSink(String name, URI url, Optional<Secret> secret, Duration connectTimeout,
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
    return http.postJson(url, alert, "the alert as JSON", body -> {
      Map<String, String> headers = new LinkedHashMap<>();
      secret.ifPresent(s -> headers.put(Signatures.HEADER, Signatures.sign(s, body)));
      headers.put(IDEMPOTENCY_HEADER, alert.id());
      return headers;
    });
  }
}
