package io.phasewatch.alerts.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.alerts.delivery.AlertRouter;
import io.phasewatch.alerts.delivery.RetryPolicy;
import io.phasewatch.alerts.delivery.RetryingDelivery;
import io.phasewatch.alerts.metrics.RouterMetrics;
import io.phasewatch.alerts.route.Route;
import io.phasewatch.alerts.route.RouteMatch;
import io.phasewatch.alerts.route.Routes;
import io.phasewatch.alerts.sink.AlertSink;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A router core with the given sinks, every alert routed to all of them in order, an in-memory
 * ledger, collected dead letters, a fake clock moved by the backoff waits, no jitter, and a
 * Prometheus registry to read the metrics from.
 */
public final class RouterFixture {
  public final FakeClock clock = new FakeClock(Instant.parse("2026-11-20T12:00:00Z"));
  public final InMemoryLedger ledger = new InMemoryLedger();
  public final CollectingDeadLetters deadLetters = new CollectingDeadLetters();
  public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  public final AlertRouter router;

  public RouterFixture(RetryPolicy policy, AlertSink... sinks) {
    RouterMetrics metrics = new RouterMetrics(registry);
    Map<String, RetryingDelivery> deliveries = new LinkedHashMap<>();
    for (AlertSink sink : sinks) {
      deliveries.put(sink.name(), new RetryingDelivery(sink, policy, clock.sleeper(), clock,
          () -> 0.5, metrics));
    }
    router = new AlertRouter(
        new Routes(List.of(new Route("all", RouteMatch.any(), List.copyOf(deliveries.keySet()), false))),
        deliveries, ledger, deadLetters, metrics, clock);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A counter's value, 0 when it was never incremented. */
  public double count(String name, String sink, String kind) {
    var c = registry.find(name).tag("sink", sink).tag("kind", kind).counter();
    return c == null ? 0.0 : c.count();
  }
}
