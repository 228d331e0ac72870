package io.phasewatch.core.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every topic phasewatch reads or writes, named once (DESIGN.md "Topics", plus the alert
 * router's two): the name under a configurable prefix, what the key is, and the cleanup policy.
 * Current-state topics are compacted (one value per key, a tombstone deletes it); event topics
 * are deleted by retention. The Kafka modules turn this into admin requests and typed topics.
 */
public enum TopicName {
  SCORES("scores.v1", "source|model_id|benchmark", true, Optional.empty()),
  MODELS("models.v1", "source|model_id", true, Optional.empty()),
  REJECTED("rejected.v1", "original key", false, Optional.empty()),
  FAMILY_DIAGNOSIS("family-diagnosis.v1", "family", true, Optional.empty()),
  PANEL_DIAGNOSIS("panel-diagnosis.v1", "panel", true, Optional.empty()),
  FRONTIER_DIAGNOSIS("frontier-diagnosis.v1", "cohort", true, Optional.empty()),
  ALERTS("alerts.v1", "subject", false, Optional.empty()),
  /** Alerts a sink could not take; kept 30 days, long enough to look at and re-publish. */
  ALERTS_DEAD("alerts.dead.v1", "subject", false, Optional.of(Duration.ofDays(30))),
  /** The alert router's delivery ledger, one record per sink and alert id. */
  ALERTS_DELIVERED("alerts.delivered.v1", "sink|alert_id", true, Optional.empty());

  public static final String DEFAULT_PREFIX = "phasewatch";

  /** The topics of DESIGN.md's table: the data flow from ingest through the streams app. */
  public static final List<TopicName> DATA_FLOW = List.of(SCORES, MODELS, REJECTED,
      FAMILY_DIAGNOSIS, PANEL_DIAGNOSIS, FRONTIER_DIAGNOSIS, ALERTS);

  /** The alert router's own topics. */
  public static final List<TopicName> ALERT_ROUTER = List.of(ALERTS_DEAD, ALERTS_DELIVERED);

  private static final Pattern LEGAL_PREFIX = Pattern.compile("[A-Za-z0-9._-]+");

  private final String suffix;
  private final String key;
  private final boolean compacted;
  private final Optional<Duration> retention;

  TopicName(String suffix, String key, boolean compacted, Optional<Duration> retention) {
    this.suffix = suffix;
    this.key = key;
    this.compacted = compacted;
    this.retention = retention;
  }

  /**
   * The topic's name under {@code prefix}: {@code SCORES.name("phasewatch")} is {@code
   * phasewatch.scores.v1}.
   *
   * @throws IllegalArgumentException when the prefix is not a legal topic-name part
   */
  public String name(String prefix) {
    return checkedPrefix(prefix) + "." + suffix;
  }

  /** What the topic's records are keyed by, as DESIGN.md's table says it. */
  public String key() {
    return key;
  }

  /** Whether the topic keeps the latest value per key (compaction) rather than a time window. */
  public boolean compacted() {
    return compacted;
  }

  /** Kafka's {@code cleanup.policy} value for this topic: {@code compact} or {@code delete}. */
  public String cleanupPolicy() {
    return compacted ? "compact" : "delete";
  }

  /** How long records are kept when phasewatch sets it; empty for the broker's default. */
  public Optional<Duration> retention() {
    return retention;
  }

  /** The topic-level settings to create the topic with ({@code cleanup.policy}, retention). */
  public Map<String, String> topicConfigs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("cleanup.policy", cleanupPolicy());
    retention.ifPresent(r -> configs.put("retention.ms", Long.toString(r.toMillis())));
    return Map.copyOf(configs);
  }

  /**
   * {@code prefix} when it is letters, digits, {@code .}, {@code _} or {@code -}.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static String checkedPrefix(String prefix) {
    if (prefix == null || !LEGAL_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "topic prefix must be letters, digits, '.', '_' or '-': " + prefix);
    }
    return prefix;
  }
}
