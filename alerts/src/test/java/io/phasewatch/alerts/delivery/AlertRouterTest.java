package io.phasewatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.alerts.delivery.SinkOutcome.Status;
import io.phasewatch.alerts.metrics.RouterMetrics;
import io.phasewatch.alerts.sink.AlertSink;
import io.phasewatch.alerts.sink.Attempt;
import io.phasewatch.alerts.testing.RouterFixture;
import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRouterTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0);

  /** A sink answering from a script (then delivering), recording the ids it was given. */
  static final class ScriptedSink implements AlertSink {
    final String name;
    final Deque<Attempt> script;
    final List<String> received = new ArrayList<>();

    ScriptedSink(String name, Attempt... script) {
      this.name = name;
      this.script = new ArrayDeque<>(Arrays.asList(script));
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Attempt attempt(AlertEvent alert) {
      received.add(alert.id());
      return script.isEmpty() ? Attempt.delivered() : script.poll();
    }
  }

  private static byte[] json(AlertEvent a) throws Exception {
    return Json.mapper().writeValueAsBytes(a);
  }

  @Test
  void oneFailingSinkDoesNotKeepTheOthersFromTheAlert() throws Exception {
    ScriptedSink first = new ScriptedSink("first", Attempt.rejected("HTTP 404"));
    ScriptedSink second = new ScriptedSink("second");
    RouterFixture f = new RouterFixture(POLICY, first, second);
    AlertEvent alert = TestAlerts.familyCrossed(1);

    List<SinkOutcome> outcomes = f.router.route(Optional.of("family-1"), json(alert));

    assertThat(outcomes).containsExactly(
        new SinkOutcome("first", Status.DEAD_LETTERED, 1, Optional.of("HTTP 404")),
        new SinkOutcome("second", Status.DELIVERED, 1, Optional.empty()));
    assertThat(f.ledger.isDelivered("second", alert.id())).isTrue();
    assertThat(f.ledger.isDelivered("first", alert.id())).isFalse();
  }

  @Test
  void ledgerIsPerSink() throws Exception {
    ScriptedSink a = new ScriptedSink("a");
    ScriptedSink b = new ScriptedSink("b");
    RouterFixture f = new RouterFixture(POLICY, a, b);
    AlertEvent alert = TestAlerts.familyCrossed(2);
    f.ledger.markDelivered("a", alert.id(), TestAlerts.FIRED_AT);

    assertThat(f.router.route(Optional.empty(), json(alert))).extracting(SinkOutcome::status)
        .containsExactly(Status.ALREADY_DELIVERED, Status.DELIVERED);
    assertThat(a.received).isEmpty();
    assertThat(b.received).containsExactly(alert.id());
  }

  @Test
  void firedAndResolvedEndsAreDifferentIdsAndBothDelivered() throws Exception {
    ScriptedSink s = new ScriptedSink("s");
    RouterFixture f = new RouterFixture(POLICY, s);
    AlertEvent fired = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
    AlertEvent resolved = TestAlerts.brokenCoupling(AlertState.RESOLVED, "frontier");

    f.router.route(Optional.empty(), json(fired));
    f.router.route(Optional.empty(), json(resolved));

    assertThat(s.received).containsExactly(fired.id(), resolved.id()).doesNotHaveDuplicates();
  }

  @Test
  void unreadableRecordIsDeadLetteredAndRoutedNowhere() throws Exception {
    ScriptedSink s = new ScriptedSink("s");
    RouterFixture f = new RouterFixture(POLICY, s);
    byte[] garbage = "{\"kind\": \"NOT_A_KIND\", \"id\": \"x\"}".getBytes(StandardCharsets.UTF_8);

    List<SinkOutcome> outcomes = f.router.route(Optional.of("k"), garbage);

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).sink()).isEqualTo(AlertRouter.UNREADABLE_SINK);
    assertThat(outcomes.get(0).status()).isEqualTo(Status.DEAD_LETTERED);
    assertThat(s.received).isEmpty();
    DeadLetter letter = f.deadLetters.letters().get(0);
    assertThat(letter.value()).isEqualTo(garbage);
    assertThat(letter.alertId()).isEmpty();
    assertThat(letter.error()).startsWith("unreadable AlertEvent: ").contains("NOT_A_KIND");
    assertThat(f.count(RouterMetrics.DEAD_LETTERED, "router", "unreadable")).isEqualTo(1.0);

    assertThat(f.router.route(Optional.of("k"), null).get(0).error()).contains("unreadable AlertEvent: no value");
  }

  @Test
  void sinkThatThrowsIsRejectedNotFatal() throws Exception {
    AlertSink broken = new AlertSink() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Attempt attempt(AlertEvent alert) {
        throw new IllegalStateException("bug");
      }
    };
    RouterFixture f = new RouterFixture(POLICY, broken);
    assertThat(f.router.route(Optional.empty(), json(TestAlerts.familyCrossed(3))).get(0).error())
        .contains("sink failed: java.lang.IllegalStateException: bug");
  }

  @Test
  void metricsAreExportedUnderTheContractNames() throws Exception {
    ScriptedSink hook = new ScriptedSink("hook", Attempt.retryable("HTTP 502"));
    ScriptedSink dead = new ScriptedSink("dead", Attempt.rejected("HTTP 410"));
    RouterFixture f = new RouterFixture(POLICY, hook, dead);

    f.router.route(Optional.empty(), json(TestAlerts.brokenCoupling(AlertState.FIRED, "frontier")));
    String scrape = f.registry.scrape();

    String tags = "{kind=\"frontier_coupling_broken\",sink=\"hook\"}";
    assertThat(scrape)
        .contains("phasewatch_alerts_delivered_total" + tags + " 1")
        .contains("phasewatch_alerts_failed_total" + tags + " 1")
        .contains("phasewatch_alerts_retried_total" + tags + " 1")
        .contains("phasewatch_alerts_dead_lettered_total{kind=\"frontier_coupling_broken\",sink=\"dead\"} 1")
        .contains("phasewatch_alert_delivery_seconds_bucket{sink=\"hook\",le=\"0.1\"} 1")
        .contains("phasewatch_alert_delivery_seconds_bucket{sink=\"hook\",le=\"0.05\"} 0")
        .contains("phasewatch_alert_delivery_seconds_count{sink=\"hook\"} 1")
        // the fake clock moved by the one 100 ms backoff: that is the delivery's latency
        .contains("phasewatch_alert_delivery_seconds_sum{sink=\"hook\"} 0.1");
  }
}
