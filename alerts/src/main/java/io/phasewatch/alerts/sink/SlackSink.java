package io.phasewatch.alerts.sink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.SuggestedAction;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Slack-compatible incoming webhook: {@code text} (the one-line form, also what notifications
 * show) and Block Kit {@code blocks}: a header, the summary, the evidence figures as fields, the
 * interval, window and models as context, the suggested action, and the id.
 */
public final class SlackSink implements AlertSink {
  /** Slack's limits: header text 150, section fields 10 of 2000, section text 3000. */
  static final int MAX_HEADER = 150;
  static final int MAX_FIELDS = 10;
  static final int MAX_TEXT = 2900;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final URI url;
  private final HttpPoster http;

  public SlackSink(String name, URI url, Duration connectTimeout, Duration readTimeout) {
    this.name = name;
    this.url = url;
    this.http = new HttpPoster(connectTimeout, readTimeout);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attempt attempt(AlertEvent alert) throws InterruptedException {
    return http.postJson(url, payload(alert), "the Slack payload", body -> Map.of());
  }

  /** The Slack message for {@code alert}. */
  public static ObjectNode payload(AlertEvent alert) {
    ObjectNode message = NODES.objectNode();
    message.put("text", clip(AlertText.line(alert), MAX_TEXT));
    ArrayNode blocks = message.putArray("blocks");

    String verb = alert.state() == AlertState.RESOLVED ? "Resolved" : "Fired";
    ObjectNode header = blocks.addObject().put("type", "header");
    header.set("text", plain(clip(verb + ": " + alert.kind() + " " + AlertText.subject(alert),
        MAX_HEADER)));

    blocks.addObject().put("type", "section")
        .set("text", markdown(clip("*" + severity(alert) + "* " + (alert.summary().isBlank()
            ? "(no summary)" : AlertText.oneLine(alert.summary())), MAX_TEXT)));

    List<ObjectNode> fields = new ArrayList<>();
    alert.evidence().values().forEach((k, v) ->
        fields.add(markdown("*" + k + "*\n" + AlertText.number(v))));
    alert.evidence().n().ifPresent(n -> fields.add(markdown("*n*\n" + n)));
    if (!fields.isEmpty()) {
      ArrayNode f = blocks.addObject().put("type", "section").putArray("fields");
      fields.stream().limit(MAX_FIELDS).forEach(f::add);
    }

    List<String> context = new ArrayList<>();
    alert.evidence().ci().ifPresent(ci -> context.add(AlertText.number(ci.level() * 100)
        + "% interval of " + ci.quantity() + ": [" + AlertText.number(ci.lo()) + ", "
        + AlertText.number(ci.hi()) + "]"));
    alert.evidence().window().ifPresent(w -> context.add("window " + w.from() + " to " + w.to()));
    if (!alert.evidence().contributingModels().isEmpty()) {
      context.add("models: " + AlertText.models(alert.evidence(), true));
    }
    if (!context.isEmpty()) {
      blocks.addObject().put("type", "context").putArray("elements")
          .add(markdown(clip(String.join(" · ", context), MAX_TEXT)));
    }

    if (alert.action().kind() != SuggestedAction.Kind.NONE) {
      blocks.addObject().put("type", "section")
          .set("text", markdown(clip("*Suggested action:* " + AlertText.action(alert.action()),
              MAX_TEXT)));
    }
    blocks.addObject().put("type", "context").putArray("elements")
        .add(markdown("id `" + alert.id() + "` · fired at " + alert.firedAt()
            + " · stream time " + alert.streamTime()));
    return message;
  }

  private static String severity(AlertEvent alert) {
    return alert.severity() == null ? "?" : alert.severity().id().toUpperCase(Locale.ROOT);
  }

  private static ObjectNode plain(String text) {
    return NODES.objectNode().put("type", "plain_text").put("text", text);
  }

  private static ObjectNode markdown(String text) {
    return NODES.objectNode().put("type", "mrkdwn").put("text", text);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
