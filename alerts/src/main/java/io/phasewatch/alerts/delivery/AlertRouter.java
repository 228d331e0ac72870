package io.phasewatch.alerts.delivery;

import com.fasterxml.jackson.databind.ObjectReader;
import io.phasewatch.alerts.metrics.RouterMetrics;
import io.phasewatch.alerts.route.Routes;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router core for one record, without Kafka: read the alert, find its sinks, and for each
 * sink either skip it (the ledger has the id), deliver it and record that in the ledger, or
 * dead-letter it with the last error. When {@link #route} returns, every sink of the record is
 * settled, and the caller may commit the record's offset.
 *
 * <p>Sinks are served one after another in route order; one sink's failure does not stop the
 * others, and a sink that already has the alert is not given it again when the record is
 * re-read after a restart.
 */
public final class AlertRouter {
  /** The {@code sink} of a dead letter for a record that is not a readable alert. */
  public static final String UNREADABLE_SINK = "router";

  private static final Logger LOG = LoggerFactory.getLogger(AlertRouter.class);
  private static final ObjectReader ALERT_READER = Json.mapper().readerFor(AlertEvent.class);

  private final Routes routes;
  private final Map<String, RetryingDelivery> deliveries;
  private final DeliveryLedger ledger;
  private final DeadLetters deadLetters;
  private final RouterMetrics metrics;
  private final Clock clock;

  /**
   * @param deliveries one per configured sink, by sink name; every sink a route names is here
   */
  public AlertRouter(Routes routes, Map<String, RetryingDelivery> deliveries,
      DeliveryLedger ledger, DeadLetters deadLetters, RouterMetrics metrics, Clock clock) {
    this.routes = routes;
    this.deliveries = Map.copyOf(deliveries);
    this.ledger = ledger;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.clock = clock;
    routes.routes().forEach(r -> r.sinks().forEach(s -> {
      if (!this.deliveries.containsKey(s)) {
        throw new IllegalArgumentException("route names sink '" + s + "', which does not exist");
      }
    }));
  }

  /**
   * Routes one input record. An unreadable value is dead-lettered (sink {@value
   * #UNREADABLE_SINK}) rather than stopping the router.
   */
  public List<SinkOutcome> route(Optional<String> key, byte[] value) throws InterruptedException {
    AlertEvent alert;
    try {
      alert = value == null ? null : ALERT_READER.readValue(value);
    } catch (IOException | RuntimeException e) {
      return List.of(deadLetterUnreadable(key, value, "unreadable AlertEvent: " + e.getMessage()));
    }
    if (alert == null || alert.id() == null || alert.id().isBlank() || alert.kind() == null) {
      return List.of(deadLetterUnreadable(key, value,
          "unreadable AlertEvent: " + (alert == null ? "no value" : "no id or kind")));
    }
    return route(alert, key, value);
  }

  /** Routes an alert already read; {@code original} is what a dead letter keeps. */
  public List<SinkOutcome> route(AlertEvent alert, Optional<String> key, byte[] original)
      throws InterruptedException {
    List<String> sinks = routes.sinksFor(alert);
    if (sinks.isEmpty()) {
      LOG.debug("No route for alert {} ({} {})", alert.id(), alert.kind(), alert.subject());
    }
    List<SinkOutcome> outcomes = new ArrayList<>(sinks.size());
    for (String sink : sinks) {
      outcomes.add(deliver(sink, alert, key, original));
    }
    return outcomes;
  }

  private SinkOutcome deliver(String sink, AlertEvent alert, Optional<String> key,
      byte[] original) throws InterruptedException {
    if (ledger.isDelivered(sink, alert.id())) {
      LOG.debug("Alert {} already delivered to {}; not sent again", alert.id(), sink);
      return new SinkOutcome(sink, SinkOutcome.Status.ALREADY_DELIVERED, 0, Optional.empty());
    }
    DeliveryResult result = deliveries.get(sink).deliver(alert);
    if (result instanceof DeliveryResult.Delivered) {
      ledger.markDelivered(sink, alert.id(), clock.instant());
      return new SinkOutcome(sink, SinkOutcome.Status.DELIVERED, result.attempts(),
          Optional.empty());
    }
    DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
    deadLetters.send(new DeadLetter(key, original, sink, Optional.of(alert.id()),
        failed.lastError(), failed.attempts(), clock.instant()));
    metrics.deadLettered(sink, RouterMetrics.kind(alert.kind()));
    return new SinkOutcome(sink, SinkOutcome.Status.DEAD_LETTERED, failed.attempts(),
        Optional.of(failed.lastError()));
  }

  private SinkOutcome deadLetterUnreadable(Optional<String> key, byte[] value, String error) {
    LOG.warn("Dead-lettering an unreadable record (key {}): {}", key.orElse("none"), error);
    deadLetters.send(new DeadLetter(key, value, UNREADABLE_SINK, Optional.empty(), error, 0,
        clock.instant()));
    metrics.deadLettered(UNREADABLE_SINK, RouterMetrics.UNREADABLE_KIND);
    return new SinkOutcome(UNREADABLE_SINK, SinkOutcome.Status.DEAD_LETTERED, 0,
        Optional.of(error));
  }
}
