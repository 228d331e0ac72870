package io.phasewatch.alerts.kafka;

import java.util.Map;

/**
 * The router's topics under a prefix ({@code phasewatch} by default).
 *
 * @param alerts input, written by the streams app: key subject, value AlertEvent JSON
 * @param dead alerts a sink could not take: the input key and value, with headers {@code sink},
 *     {@code error}, {@code attempts}, {@code alert_id}, {@code failed_at}; cleanup delete
 * @param delivered the ledger: key {@code sink|alert-id}, value a small JSON record; compacted,
 *     so it keeps one record per sink and alert for as long as the topic lives
 */
public record AlertTopics(String alerts, String dead, String delivered) {

  /** Kept 30 days by default: long enough to look at and re-publish. */
  public static final Map<String, String> DEAD_CONFIG =
      Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(30L * 24 * 3600 * 1000));
  public static final Map<String, String> DELIVERED_CONFIG = Map.of("cleanup.policy", "compact");

  public static AlertTopics withPrefix(String prefix) {
    return new AlertTopics(prefix + ".alerts.v1", prefix + ".alerts.dead.v1",
        prefix + ".alerts.delivered.v1");
  }
}
