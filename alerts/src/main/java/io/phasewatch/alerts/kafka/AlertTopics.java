package io.phasewatch.alerts.kafka;

import io.phasewatch.core.domain.TopicName;
import java.util.Map;

/**
 * The router's topics under a prefix ({@code phasewatch} by default), named by {@link TopicName},
 * the one definition of topic names.
 *
 * @param alerts input, written by the streams app: key subject, value AlertEvent JSON
 * @param dead alerts a sink could not take: the input key and value, with headers {@code sink},
 *     {@code error}, {@code attempts}, {@code alert_id}, {@code failed_at}; cleanup delete
 * @param delivered the ledger: key {@code sink|alert-id}, value a small JSON record; compacted,
 *     so it keeps one record per sink and alert for as long as the topic lives
 */
public record AlertTopics(String alerts, String dead, String delivered) {

  /** Kept 30 days by default: long enough to look at and re-publish. */
  public static final Map<String, String> DEAD_CONFIG = TopicName.ALERTS_DEAD.topicConfigs();
  public static final Map<String, String> DELIVERED_CONFIG =
      TopicName.ALERTS_DELIVERED.topicConfigs();

  public static AlertTopics withPrefix(String prefix) {
    return new AlertTopics(TopicName.ALERTS.name(prefix), TopicName.ALERTS_DEAD.name(prefix),
        TopicName.ALERTS_DELIVERED.name(prefix));
  }
}
