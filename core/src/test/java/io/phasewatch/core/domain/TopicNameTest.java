package io.phasewatch.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicNameTest {

  @Test
  void namesAndCleanupPoliciesAreDesignsTableAndTheRoutersTwo() {
    Map<String, String> policyByName = new LinkedHashMap<>();
    for (TopicName t : TopicName.values()) {
      policyByName.put(t.name("phasewatch"), t.cleanupPolicy());
    }
    assertThat(policyByName).containsExactly(
        Map.entry("phasewatch.scores.v1", "compact"),
        Map.entry("phasewatch.models.v1", "compact"),
        Map.entry("phasewatch.rejected.v1", "delete"),
        Map.entry("phasewatch.family-diagnosis.v1", "compact"),
        Map.entry("phasewatch.panel-diagnosis.v1", "compact"),
        Map.entry("phasewatch.frontier-diagnosis.v1", "compact"),
        Map.entry("phasewatch.alerts.v1", "delete"),
        Map.entry("phasewatch.alerts.dead.v1", "delete"),
        Map.entry("phasewatch.alerts.delivered.v1", "compact"));
  }

  @Test
  void dataFlowAndRouterTopicsPartitionEveryTopic() {
    assertThat(TopicName.DATA_FLOW).hasSize(7).doesNotContainAnyElementsOf(TopicName.ALERT_ROUTER);
    assertThat(TopicName.DATA_FLOW.size() + TopicName.ALERT_ROUTER.size())
        .isEqualTo(TopicName.values().length);
  }

  @Test
  void prefixIsConfigurable() {
    assertThat(TopicName.FAMILY_DIAGNOSIS.name("it-1a2b")).isEqualTo("it-1a2b.family-diagnosis.v1");
    assertThat(TopicName.ALERTS.key()).isEqualTo("subject");
  }

  @Test
  void illegalPrefixIsRefused() {
    for (String bad : Arrays.asList(null, "", "a b", "a/b", "ä")) {
      assertThatThrownBy(() -> TopicName.SCORES.name(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void onlyTheDeadLetterTopicSetsARetention() {
    assertThat(TopicName.ALERTS_DEAD.retention()).contains(Duration.ofDays(30));
    assertThat(TopicName.ALERTS_DEAD.topicConfigs()).isEqualTo(
        Map.of("cleanup.policy", "delete", "retention.ms", "2592000000"));
    for (TopicName t : TopicName.values()) {
      if (t != TopicName.ALERTS_DEAD) {
        assertThat(t.retention()).isEqualTo(Optional.empty());
        assertThat(t.topicConfigs()).isEqualTo(Map.of("cleanup.policy", t.cleanupPolicy()));
      }
    }
    assertThat(TopicName.SCORES.compacted()).isTrue();
    assertThat(TopicName.ALERTS.compacted()).isFalse();
  }
}
