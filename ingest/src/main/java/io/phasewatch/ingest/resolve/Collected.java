package io.phasewatch.ingest.resolve;

import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.collect.Rejection;
import java.util.List;

/** What one read of a feed yields: its scores and models, and the rows it rejected. */
public record Collected(List<ScoreRecord> scores, List<ModelRecord> models, List<Rejection> rejected) {
  public Collected {
    scores = List.copyOf(scores);
    models = List.copyOf(models);
    rejected = List.copyOf(rejected);
  }
}
