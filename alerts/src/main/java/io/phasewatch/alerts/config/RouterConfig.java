package io.phasewatch.alerts.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.phasewatch.alerts.delivery.RetryPolicy;
import io.phasewatch.alerts.route.Route;
import io.phasewatch.alerts.route.RouteMatch;
import io.phasewatch.core.domain.TopicName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alert router's configuration (the YAML file, see {@link RouterConfigs}).
 *
 * @param topicPrefix topics are {@code <prefix>.alerts.v1} (input), {@code .alerts.dead.v1},
 *     {@code .alerts.delivered.v1}
 * @param groupId the consumer group: router instances sharing it share the work
 * @param retry the retry policy of every sink that does not set its own
 * @param sinks named destinations, in file order
 * @param routes the routing table, evaluated in order
 * @param maxPollRecords records per poll; with the retry budget it bounds the time between
 *     polls, which must stay below the consumer's {@code max.poll.interval.ms}
 * @param kafka extra Kafka client properties (security settings and the like)
 */
public record RouterConfig(
    String topicPrefix,
    String groupId,
    RetryPolicy retry,
    Map<String, SinkConfig> sinks,
    List<Route> routes,
    int maxPollRecords,
    Duration pollTimeout,
    Map<String, String> kafka) {

  public static final String DEFAULT_TOPIC_PREFIX = TopicName.DEFAULT_PREFIX;
  public static final String DEFAULT_GROUP_ID = "phasewatch-alerts";
  public static final int DEFAULT_MAX_POLL_RECORDS = 20;
  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

  public RouterConfig {
    topicPrefix = topicPrefix == null ? DEFAULT_TOPIC_PREFIX : topicPrefix;
    groupId = groupId == null ? DEFAULT_GROUP_ID : groupId;
    retry = retry == null ? RetryPolicy.defaults() : retry;
    sinks = sinks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sinks));
    routes = routes == null ? List.of() : List.copyOf(routes);
    maxPollRecords = maxPollRecords == 0 ? DEFAULT_MAX_POLL_RECORDS : maxPollRecords;
    pollTimeout = pollTimeout == null ? DEFAULT_POLL_TIMEOUT : pollTimeout;
    kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
  }

  @JsonCreator
  static RouterConfig fromConfig(
      @JsonProperty("topic_prefix") String topicPrefix,
      @JsonProperty("group_id") String groupId,
      @JsonProperty("retry") RetryPolicy retry,
      @JsonProperty("sinks") LinkedHashMap<String, SinkConfig> sinks,
      @JsonProperty("routes") List<Route> routes,
      @JsonProperty("max_poll_records") Integer maxPollRecords,
      @JsonProperty("poll_timeout") Duration pollTimeout,
      @JsonProperty("kafka") Map<String, String> kafka) {
    return new RouterConfig(topicPrefix, groupId, retry, sinks, routes,
        maxPollRecords == null ? 0 : maxPollRecords, pollTimeout, kafka);
  }

  /** Every alert to one console sink: what {@code phasewatch run} prints without a file. */
  public static RouterConfig consoleOnly(String topicPrefix) {
    return new RouterConfig(topicPrefix, null, null, Map.of("console", new SinkConfig.Console()),
        List.of(new Route("everything", RouteMatch.any(), List.of("console"), false)), 0, null,
        null);
  }

  /** The same configuration on another topic prefix (the command line overrides the file). */
  public RouterConfig withTopicPrefix(String prefix) {
    return new RouterConfig(prefix, groupId, retry, sinks, routes, maxPollRecords, pollTimeout,
        kafka);
  }

  /** The same configuration in another consumer group. */
  public RouterConfig withGroupId(String group) {
    return new RouterConfig(topicPrefix, group, retry, sinks, routes, maxPollRecords,
        pollTimeout, kafka);
  }

  /** The retry policy in force for {@code sink}. */
  public RetryPolicy retryFor(String sink) {
    return Optional.ofNullable(sinks.get(sink)).flatMap(SinkConfig::retry).orElse(retry);
  }

  /**
   * What is wrong with this configuration, one message per problem; empty when it is usable.
   * Secrets are checked when the sinks are built, not here.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (topicPrefix.isBlank()) {
      problems.add("topic_prefix is blank");
    } else {
      try {
        TopicName.checkedPrefix(topicPrefix);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (groupId.isBlank()) {
      problems.add("group_id is blank");
    }
    if (maxPollRecords < 1) {
      problems.add("max_poll_records must be at least 1, was " + maxPollRecords);
    }
    if (sinks.isEmpty()) {
      problems.add("no sinks configured");
    }
    sinks.forEach((name, sink) -> {
      if (name.isBlank() || name.contains("|")) {
        problems.add("sink name '" + name + "' must be non-blank and must not contain '|'");
      }
      if (sink == null) {
        problems.add("sink '" + name + "' has no settings (needs at least a type)");
      }
    });
    if (routes.isEmpty()) {
      problems.add("no routes configured: no alert would go anywhere");
    }
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      String label = route.name().isEmpty() ? "route " + (i + 1) : "route '" + route.name() + "'";
      if (route.sinks().isEmpty()) {
        problems.add(label + " names no sinks");
      }
      for (String sink : route.sinks()) {
        if (!sinks.containsKey(sink)) {
          problems.add(label + " names sink '" + sink + "', which is not configured (configured: "
              + String.join(", ", sinks.keySet()) + ")");
        }
      }
    }
    return problems;
  }
}
