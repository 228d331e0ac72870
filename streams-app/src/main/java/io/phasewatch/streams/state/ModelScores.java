package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ScoreRecord;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every current score of one model, from every source, keyed by the score's topic key
 * ({@code source|model|benchmark}). The aggregate of the score table grouped by model: {@link
 * #plus} is the adder, {@link #minus} the subtractor, so a correction replaces a score and a
 * tombstone removes it.
 */
public record ModelScores(String modelId, Map<String, ScoreRecord> scores) {
  public ModelScores {
    scores = scores == null ? Map.of() : Map.copyOf(scores);
  }

  public static ModelScores empty() {
    return new ModelScores(null, Map.of());
  }

  public ModelScores plus(ScoreRecord score) {
    Map<String, ScoreRecord> next = new TreeMap<>(scores);
    next.put(score.key(), score);
    return new ModelScores(score.modelId(), next);
  }

  /** Without {@code score}; null (which deletes the aggregate) when nothing is left. */
  public ModelScores minus(ScoreRecord score) {
    Map<String, ScoreRecord> next = new TreeMap<>(scores);
    next.remove(score.key());
    return next.isEmpty() ? null : new ModelScores(modelId, next);
  }
}
