package io.phasewatch.alerts.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Alertmanager's v2 API: {@code POST <base>/api/v2/alerts} with one alert.
 *
 * <p>Labels identify the condition, so the fired and the resolved end carry the same set:
 * {@code alertname} (the kind), {@code severity}, and the subject under its type's name
 * ({@code family}, {@code cohort}, {@code benchmark}, {@code model}, {@code lab},
 * {@code panel}), plus the configured extra labels. Annotations say what it is about:
 * {@code summary}, {@code description}, {@code evidence}, {@code action}, {@code alert_id}
 * and, when configured, {@code runbook_url}.
 *
 * <p>A fired alert starts at its fired time and ends {@code firingTtl} later: Alertmanager
 * expects firing alerts to be re-sent, and phasewatch sends each end once, so an explicit end
 * keeps Alertmanager from resolving it after {@code resolve_timeout}. The resolved event posts
 * the same labels with {@code endsAt} = its fired time, which ends the alert.
 */
public final class AlertmanagerSink implements AlertSink {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final URI endpoint;
  private final Duration firingTtl;
  private final Optional<String> runbookBase;
  private final Map<String, String> extraLabels;
  private final HttpPoster http;

  public AlertmanagerSink(String name, URI baseUrl, Duration firingTtl,
      Optional<String> runbookBase, Map<String, String> extraLabels, Duration connectTimeout,
      Duration readTimeout) {
    this.name = name;
    this.endpoint = alertsEndpoint(baseUrl);
    this.firingTtl = firingTtl;
    this.runbookBase = runbookBase;
    this.extraLabels = Map.copyOf(extraLabels);
    this.http = new HttpPoster(connectTimeout, readTimeout);
  }

  /** {@code <base>/api/v2/alerts}, whether or not the base ends with a slash. */
  static URI alertsEndpoint(URI base) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/api/v2/alerts");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attempt attempt(AlertEvent alert) throws InterruptedException {
    byte[] body;
    try {
      ArrayNode alerts = NODES.arrayNode().add(postableAlert(alert));
      body = Json.mapper().writeValueAsBytes(alerts);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Attempt.rejected("cannot build the Alertmanager alert: " + e.getMessage());
    }
    return http.post(endpoint, body, Map.of());
  }

  /** The {@code postableAlert} of Alertmanager's OpenAPI for {@code alert}. */
  public ObjectNode postableAlert(AlertEvent alert) {
    if (alert.firedAt() == null) {
      throw new IllegalArgumentException("alert " + alert.id() + " has no fired_at");
    }
    ObjectNode labels = NODES.objectNode();
    new TreeMap<>(labels(alert)).forEach(labels::put);

    ObjectNode annotations = NODES.objectNode();
    annotations.put("summary", alert.summary().isBlank() ? AlertText.line(alert)
        : AlertText.oneLine(alert.summary()));
    annotations.put("description", description(alert));
    annotations.put("evidence", AlertText.evidence(alert.evidence()));
    annotations.put("action", AlertText.action(alert.action()));
    annotations.put("alert_id", alert.id());
    runbookBase.ifPresent(base ->
        annotations.put("runbook_url", base + "#" + alert.kind().name().toLowerCase(Locale.ROOT)));

    Instant start = alert.firedAt();
    Instant end = alert.state() == AlertState.RESOLVED ? alert.firedAt() : start.plus(firingTtl);
    ObjectNode postable = NODES.objectNode();
    postable.set("labels", labels);
    postable.set("annotations", annotations);
    postable.put("startsAt", start.toString());
    postable.put("endsAt", end.toString());
    return postable;
  }

  /** The label set; identical for the fired and the resolved end of one condition. */
  public Map<String, String> labels(AlertEvent alert) {
    Map<String, String> labels = new TreeMap<>(extraLabels);
    labels.put("alertname", alert.kind().name());
    labels.put("severity", alert.severity() == null ? "none" : alert.severity().id());
    String subjectLabel = alert.subjectType() == null ? "subject" : alert.subjectType().id();
    labels.put(subjectLabel, alert.subject() == null ? "" : alert.subject());
    return labels;
  }

  private static String description(AlertEvent alert) {
    StringBuilder b = new StringBuilder();
    b.append(alert.kind()).append(' ').append(alert.state() == null ? "" : alert.state().id())
        .append(" for ").append(AlertText.subject(alert)).append('.');
    if (!alert.summary().isBlank()) {
      b.append(' ').append(AlertText.oneLine(alert.summary()));
    }
    if (alert.streamTime() != null) {
      b.append(" Stream time ").append(alert.streamTime()).append('.');
    }
    return b.toString();
  }
}
