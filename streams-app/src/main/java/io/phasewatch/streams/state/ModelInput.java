package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated score or model record, or the retraction of one (both values empty), on its way to
 * its model's partition: keyed by model id on the inputs repartition topic. {@code key} is its
 * key on the input topic; the profile stage keeps one current value per such key.
 */
public record ModelInput(Kind kind, String key, Optional<ScoreRecord> score,
    Optional<ModelRecord> model) {
  /** Which input topic the record came from. */
  public enum Kind { SCORE, MODEL }

  public ModelInput {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    score = score == null ? Optional.empty() : score;
    model = model == null ? Optional.empty() : model;
  }

  /** The score with topic key {@code key}; {@code score} null for its retraction. */
  public static ModelInput score(String key, ScoreRecord score) {
    return new ModelInput(Kind.SCORE, key, Optional.ofNullable(score), Optional.empty());
  }

  /** The model record with topic key {@code key}; {@code model} null for its retraction. */
  public static ModelInput model(String key, ModelRecord model) {
    return new ModelInput(Kind.MODEL, key, Optional.empty(), Optional.ofNullable(model));
  }

  /** The model this input belongs to; empty for a retraction of a key no record can have. */
  public Optional<String> modelId() {
    return switch (kind) {
      case SCORE -> score.map(ScoreRecord::modelId).or(() -> ScoreRecord.modelIdOfKey(key));
      case MODEL -> model.map(ModelRecord::modelId).or(() -> ModelRecord.modelIdOfKey(key));
    };
  }
}
