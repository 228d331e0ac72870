package io.phasewatch.alerts.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.phasewatch.core.domain.AlertKind;
import java.time.Duration;
import java.util.Collection;

/**
 * The router's meters. Prometheus names (README "Metrics"):
 * <ul>
 *   <li>{@code phasewatch_alerts_delivered_total{sink,kind}}: alerts a sink accepted (once per
 *       alert and sink);
 *   <li>{@code phasewatch_alerts_failed_total{sink,kind}}: failed attempts, each one;
 *   <li>{@code phasewatch_alerts_retried_total{sink,kind}}: retries scheduled;
 *   <li>{@code phasewatch_alerts_dead_lettered_total{sink,kind}}: alerts given up on (retry
 *       budget spent or rejected) and written to the dead-letter topic;
 *   <li>{@code phasewatch_alert_delivery_seconds{sink}}: histogram of the time from the first
 *       attempt to the accepted one, retries and backoff included.
 * </ul>
 * {@code kind} is the kind in lower case, {@code unreadable} for a record that is no alert.
 * {@link #registerSinks} creates every series of the configured sinks at zero, so that a rate or
 * a dashboard panel has data before the first delivery, failure or dead letter.
 */
public final class RouterMetrics {
  public static final String DELIVERED = "phasewatch.alerts.delivered";
  public static final String FAILED = "phasewatch.alerts.failed";
  public static final String RETRIED = "phasewatch.alerts.retried";
  public static final String DEAD_LETTERED = "phasewatch.alerts.dead.lettered";
  public static final String DELIVERY = "phasewatch.alert.delivery";
  public static final String UNREADABLE_KIND = "unreadable";

  private static final String DELIVERED_HELP = "Alerts delivered, by sink and kind";
  private static final String FAILED_HELP = "Failed delivery attempts, by sink and kind";
  private static final String RETRIED_HELP = "Delivery retries, by sink and kind";
  private static final String DEAD_LETTERED_HELP =
      "Alerts written to the dead-letter topic, by sink and kind";

  private static final Duration[] BUCKETS = {
      Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

  private final MeterRegistry registry;

  public RouterMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers each counter of each sink and kind, and each sink's histogram, at zero. */
  public void registerSinks(Collection<String> sinks) {
    for (String sink : sinks) {
      for (AlertKind kind : AlertKind.values()) {
        counter(DELIVERED, DELIVERED_HELP, sink, kind(kind));
        counter(FAILED, FAILED_HELP, sink, kind(kind));
        counter(RETRIED, RETRIED_HELP, sink, kind(kind));
        counter(DEAD_LETTERED, DEAD_LETTERED_HELP, sink, kind(kind));
      }
      counter(DEAD_LETTERED, DEAD_LETTERED_HELP, sink, UNREADABLE_KIND);
      timer(sink);
    }
  }

  public void delivered(String sink, AlertKind kind, Duration took) {
    counter(DELIVERED, DELIVERED_HELP, sink, kind(kind)).increment();
    timer(sink).record(took);
  }

  private Timer timer(String sink) {
    return Timer.builder(DELIVERY)
        .description("Time from the first delivery attempt to the accepted one")
        .tag("sink", sink)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  public void failedAttempt(String sink, AlertKind kind) {
    counter(FAILED, FAILED_HELP, sink, kind(kind)).increment();
  }

  public void retried(String sink, AlertKind kind) {
    counter(RETRIED, RETRIED_HELP, sink, kind(kind)).increment();
  }

  /** {@code kindTag}: {@link #kind}, or {@link #UNREADABLE_KIND} for a record that is no alert. */
  public void deadLettered(String sink, String kindTag) {
    counter(DEAD_LETTERED, DEAD_LETTERED_HELP, sink, kindTag).increment();
  }

  public static String kind(AlertKind kind) {
    return kind == null ? UNREADABLE_KIND : kind.code();
  }

  private Counter counter(String name, String description, String sink, String kind) {
    return Counter.builder(name).description(description).tag("sink", sink).tag("kind", kind)
        .register(registry);
  }
}
