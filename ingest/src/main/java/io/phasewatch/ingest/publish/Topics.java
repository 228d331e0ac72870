package io.phasewatch.ingest.publish;

import io.phasewatch.core.domain.TopicName;
import java.util.List;
import java.util.Map;

/**
 * The data-flow topics of DESIGN.md ({@link TopicName#DATA_FLOW}) under a configurable prefix
 * ({@code phasewatch} by default, so {@code phasewatch.scores.v1}); tests use a unique prefix
 * each. Names, keys and cleanup policies come from {@link TopicName}, the one place that
 * defines them.
 */
public record Topics(String prefix) {
  public static final String DEFAULT_PREFIX = TopicName.DEFAULT_PREFIX;

  /** A topic's name, what its key is, and the settings it is created with. */
  public record Spec(String name, String key, String cleanupPolicy, Map<String, String> configs) {
    public Spec {
      configs = Map.copyOf(configs);
    }
  }

  public Topics {
    TopicName.checkedPrefix(prefix);
  }

  public static Topics defaults() {
    return new Topics(DEFAULT_PREFIX);
  }

  public String scores() {
    return TopicName.SCORES.name(prefix);
  }

  public String models() {
    return TopicName.MODELS.name(prefix);
  }

  public String rejected() {
    return TopicName.REJECTED.name(prefix);
  }

  public String familyDiagnosis() {
    return TopicName.FAMILY_DIAGNOSIS.name(prefix);
  }

  public String panelDiagnosis() {
    return TopicName.PANEL_DIAGNOSIS.name(prefix);
  }

  public String frontierDiagnosis() {
    return TopicName.FRONTIER_DIAGNOSIS.name(prefix);
  }

  public String alerts() {
    return TopicName.ALERTS.name(prefix);
  }

  /** Every topic of the table in DESIGN.md. */
  public List<Spec> all() {
    return TopicName.DATA_FLOW.stream()
        .map(t -> new Spec(t.name(prefix), t.key(), t.cleanupPolicy(), t.topicConfigs()))
        .toList();
  }
}
