package io.phasewatch.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.alerts.config.RouterConfig;
import io.phasewatch.alerts.config.SinkConfig;
import io.phasewatch.alerts.delivery.DeadLetter;
import io.phasewatch.alerts.delivery.RetryPolicy;
import io.phasewatch.alerts.delivery.SinkOutcome;
import io.phasewatch.alerts.delivery.SinkOutcome.Status;
import io.phasewatch.alerts.metrics.RouterMetrics;
import io.phasewatch.alerts.route.Route;
import io.phasewatch.alerts.route.RouteMatch;
import io.phasewatch.alerts.testing.RouterFixture;
import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.alerts.testing.WebhookReceiver;
import io.phasewatch.alerts.testing.WebhookReceiver.Reply;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Json;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebhookSinkTest {
  private static final String SECRET = "webhook-test-secret";
  private static final String KIND = "frontier_coupling_broken";
  private static final RetryPolicy THREE_ATTEMPTS =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.2);

  private final WebhookReceiver receiver = new WebhookReceiver();
  private final AlertEvent alert = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
  private final byte[] original = json(alert);

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private WebhookSink sink(URI url) {
    return new WebhookSink("hook", url, Secret.of(SECRET), Duration.ofSeconds(1), Duration.ofMillis(300));
  }

  private static byte[] json(AlertEvent a) {
    try {
      return Json.mapper().writeValueAsBytes(a);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<SinkOutcome> route(RouterFixture f) throws InterruptedException {
    return f.router.route(Optional.of("frontier"), original);
  }

  private static String hmacHex(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void signatureVerifiesWithTheSecretOverTheExactBodyAndIdempotencyKeyIsTheAlertId()
      throws Exception {
    RouterFixture f = new RouterFixture(THREE_ATTEMPTS, sink(receiver.url("/hook")));

    assertThat(route(f)).extracting(SinkOutcome::status).containsExactly(Status.DELIVERED);

    WebhookReceiver.Request request = receiver.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/hook");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("X-Phasewatch-Signature"))
        .isEqualTo("sha256=" + hmacHex(SECRET, request.body()))
        .isNotEqualTo("sha256=" + hmacHex("another-secret", request.body()));
    assertThat(request.header("Idempotency-Key")).isEqualTo(alert.id());
    assertThat(Json.mapper().readValue(request.body(), AlertEvent.class)).isEqualTo(alert);
    assertThat(request.bodyText()).doesNotContain(SECRET);
  }

  @Test
  void aWebhookWithAnOptionalSecretSignsOnlyWhenTheSecretIsSet() throws Exception {
    RouterConfig config = new RouterConfig(null, null, null, Map.of("hook",
        new SinkConfig.Webhook(receiver.url("/hook"), null, Optional.empty(), null, null,
            Optional.empty(), true)), List.of(new Route("all", RouteMatch.any(), List.of("hook"),
        false)), 0, null, null);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    AlertSink unsigned = Sinks.create(config, n -> Optional.empty(), quiet).get("hook");
    AlertSink signed = Sinks.create(config,
        n -> n.equals("PHASEWATCH_WEBHOOK_SECRET") ? Optional.of(SECRET) : Optional.empty(),
        quiet).get("hook");

    assertThat(new RouterFixture(THREE_ATTEMPTS, unsigned).router
        .route(Optional.of("frontier"), original)).extracting(SinkOutcome::status)
        .containsExactly(Status.DELIVERED);
    assertThat(new RouterFixture(THREE_ATTEMPTS, signed).router
        .route(Optional.of("frontier"), original)).extracting(SinkOutcome::status)
        .containsExactly(Status.DELIVERED);

    List<WebhookReceiver.Request> requests = receiver.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).header("X-Phasewatch-Signature")).isNull();
    assertThat(requests.get(0).header("Idempotency-Key")).isEqualTo(alert.id());
    assertThat(requests.get(1).header("X-Phasewatch-Signature"))
        .isEqualTo("sha256=" + hmacHex(SECRET, requests.get(1).body()));
  }

  @Test
  void serverErrorThenSuccessIsRetriedAndDeliveredOnce() throws Exception {
    receiver.thenReply(Reply.status(500));
    RouterFixture f = new RouterFixture(THREE_ATTEMPTS, sink(receiver.url("/hook")));

    List<SinkOutcome> outcomes = route(f);

    assertThat(outcomes).containsExactly(new SinkOutcome("hook", Status.DELIVERED, 2, Optional.empty()));
    assertThat(receiver.requests()).hasSize(2)
        .extracting(r -> r.header("Idempotency-Key")).containsOnly(alert.id());
    assertThat(f.clock.waits()).containsExactly(Duration.ofMillis(100));
    assertThat(f.count(RouterMetrics.FAILED, "hook", KIND)).isEqualTo(1.0);
    assertThat(f.count(RouterMetrics.RETRIED, "hook", KIND)).isEqualTo(1.0);
    assertThat(f.count(RouterMetrics.DELIVERED, "hook", KIND)).isEqualTo(1.0);
    assertThat(f.deadLetters.letters()).isEmpty();

    // the same record read again (a redelivery after a restart) is not sent again
    assertThat(route(f)).containsExactly(new SinkOutcome("hook", Status.ALREADY_DELIVERED, 0, Optional.empty()));
    assertThat(receiver.requests()).hasSize(2);
    assertThat(f.count(RouterMetrics.DELIVERED, "hook", KIND)).isEqualTo(1.0);
  }

  @Test
  void readTimeoutIsRetried() throws Exception {
    receiver.thenReply(Reply.slow(Duration.ofSeconds(2)));
    RouterFixture f = new RouterFixture(THREE_ATTEMPTS, sink(receiver.url("/hook")));

    assertThat(route(f)).extracting(SinkOutcome::status, SinkOutcome::attempts)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Status.DELIVERED, 2));
    assertThat(receiver.requests()).hasSize(2);
    assertThat(f.count(RouterMetrics.RETRIED, "hook", KIND)).isEqualTo(1.0);
  }

  @Test
  void badRequestIsNotRetriedAndIsDeadLettered() throws Exception {
    receiver.thenReply(Reply.status(400));
    RouterFixture f = new RouterFixture(THREE_ATTEMPTS, sink(receiver.url("/hook")));

    assertThat(route(f)).containsExactly(
        new SinkOutcome("hook", Status.DEAD_LETTERED, 1, Optional.of("HTTP 400: status 400")));
    assertThat(receiver.requests()).hasSize(1);
    assertThat(f.clock.waits()).isEmpty();
    assertThat(f.count(RouterMetrics.RETRIED, "hook", KIND)).isZero();
    assertThat(f.count(RouterMetrics.DEAD_LETTERED, "hook", KIND)).isEqualTo(1.0);
    assertThat(f.ledger.isDelivered("hook", alert.id())).isFalse();
  }

  @Test
  void tooManyRequestsIsRetriedAfterTheRetryAfterTheReceiverAskedFor() throws Exception {
    receiver.thenReply(new Reply(429, Duration.ZERO, Map.of("Retry-After", "1")));
    RouterFixture f = new RouterFixture(THREE_ATTEMPTS, sink(receiver.url("/hook")));

    assertThat(route(f)).extracting(SinkOutcome::status).containsExactly(Status.DELIVERED);
    assertThat(f.clock.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void retryBudgetExhaustedSendsTheOriginalRecordToTheDeadLettersWithTheLastError()
      throws Exception {
    receiver.replyByDefault(Reply.status(503));
    RouterFixture f = new RouterFixture(THREE_ATTEMPTS, sink(receiver.url("/hook")));

    assertThat(route(f)).containsExactly(
        new SinkOutcome("hook", Status.DEAD_LETTERED, 3, Optional.of("HTTP 503: status 503")));
    assertThat(receiver.requests()).hasSize(3);
    assertThat(f.clock.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));

    DeadLetter letter = f.deadLetters.letters().get(0);
    assertThat(f.deadLetters.letters()).hasSize(1);
    assertThat(letter.sink()).isEqualTo("hook");
    assertThat(letter.key()).contains("frontier");
    assertThat(letter.value()).isEqualTo(original);
    assertThat(letter.alertId()).contains(alert.id());
    assertThat(letter.error()).isEqualTo("HTTP 503: status 503");
    assertThat(letter.attempts()).isEqualTo(3);
    assertThat(letter.failedAt()).isEqualTo(f.clock.instant());
    assertThat(f.count(RouterMetrics.FAILED, "hook", KIND)).isEqualTo(3.0);
    assertThat(f.count(RouterMetrics.RETRIED, "hook", KIND)).isEqualTo(2.0);
    assertThat(f.count(RouterMetrics.DEAD_LETTERED, "hook", KIND)).isEqualTo(1.0);
  }

  @Test
  void refusedConnectionIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    RouterFixture f = new RouterFixture(THREE_ATTEMPTS, sink(URI.create("http://127.0.0.1:" + closedPort + "/hook")));

    List<SinkOutcome> outcomes = route(f);

    assertThat(outcomes.get(0).status()).isEqualTo(Status.DEAD_LETTERED);
    assertThat(outcomes.get(0).attempts()).isEqualTo(3);
    assertThat(outcomes.get(0).error().orElseThrow()).contains("ConnectException");
  }
}
