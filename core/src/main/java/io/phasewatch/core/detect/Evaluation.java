package io.phasewatch.core.detect;

import java.util.List;
import java.util.Map;

/**
 * What a rule class read from one observation: the conditions, and the baselines to keep for the
 * next evaluation.
 */
public record Evaluation(List<Condition> conditions, Map<String, NcEstimate> baselines) {
  public Evaluation {
    conditions = List.copyOf(conditions);
    baselines = Map.copyOf(baselines);
  }
}
