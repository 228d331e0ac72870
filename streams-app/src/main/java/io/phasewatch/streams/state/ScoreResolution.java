package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ResolvedScore;
import io.phasewatch.core.domain.ScoreRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks, per benchmark, the score of a model that the analysis uses (DESIGN.md "The topology",
 * step 1): the source earliest in the configured priority list wins (sources not listed come
 * after all listed ones), then the latest {@code evaluated_at} (a score without one counts as
 * oldest), then the source id and the value, so the choice depends only on the set of scores and
 * never on their arrival order.
 */
public final class ScoreResolution {
  private final List<String> sourcePriority;

  public ScoreResolution(List<String> sourcePriority) {
    this.sourcePriority = List.copyOf(sourcePriority);
  }

  /** The winning score per benchmark id, ordered by benchmark id. */
  public Map<String, ResolvedScore> resolve(Collection<ScoreRecord> scores) {
    Map<String, ScoreRecord> best = new TreeMap<>();
    Comparator<ScoreRecord> preference = preference();
    for (ScoreRecord s : scores) {
      best.merge(s.benchmark(), s, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
    }
    Map<String, ResolvedScore> out = new TreeMap<>();
    best.forEach((benchmark, s) -> out.put(benchmark, ResolvedScore.of(s)));
    return out;
  }

  /** Smaller is preferred. */
  Comparator<ScoreRecord> preference() {
    return Comparator.<ScoreRecord>comparingInt(s -> rank(s.source()))
        .thenComparing(s -> s.evaluatedAt().orElse(Instant.MIN), Comparator.reverseOrder())
        .thenComparing(ScoreRecord::source)
        .thenComparingDouble(ScoreRecord::percent);
  }

  private int rank(String source) {
    int i = sourcePriority.indexOf(source);
    return i < 0 ? sourcePriority.size() : i;
  }
}
