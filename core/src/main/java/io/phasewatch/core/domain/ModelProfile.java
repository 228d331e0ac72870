package io.phasewatch.core.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A model with its resolved score per benchmark: what the family, panel and cohort analyses read
 * (DESIGN.md "The topology", step 1).
 *
 * @param model what is known about the model
 * @param scores benchmark id to the resolved score, sorted by benchmark id
 */
public record ModelProfile(int schemaVersion, ModelRecord model, Map<String, ResolvedScore> scores) {

  public static final int SCHEMA_VERSION = 1;

  /**
   * Source priority, then latest evaluation, then (so the result never depends on input order)
   * source id and larger value. Unevaluated scores count as oldest.
   */
  private static Comparator<ScoreRecord> preference(List<String> sourcePriority) {
    Comparator<ScoreRecord> byPriority = Comparator.comparingInt(s -> {
      int rank = sourcePriority.indexOf(s.source());
      return rank < 0 ? Integer.MAX_VALUE : rank;
    });
    return byPriority
        .thenComparing((ScoreRecord s) -> s.evaluatedAt().orElse(Instant.MIN),
            Comparator.reverseOrder())
        .thenComparing(ScoreRecord::source)
        .thenComparing(ScoreRecord::percent, Comparator.reverseOrder());
  }

  public ModelProfile {
    Objects.requireNonNull(model, "model");
    scores = Copies.sortedMap(scores);
  }

  public static ModelProfile of(ModelRecord model, Map<String, ResolvedScore> scores) {
    return new ModelProfile(SCHEMA_VERSION, model, scores);
  }

  /**
   * Resolves one score per benchmark from every current score of {@code model}: the source that
   * comes first in {@code sourcePriority} wins (sources not listed rank after all listed ones),
   * then the latest {@code evaluated_at}. Scores of other models, scores without a source or
   * benchmark, and non-finite values are ignored. The result is the same for any order of {@code
   * scores}.
   */
  public static ModelProfile resolve(
      ModelRecord model, Collection<ScoreRecord> scores, List<String> sourcePriority) {
    Comparator<ScoreRecord> preference = preference(List.copyOf(sourcePriority));
    Map<String, ScoreRecord> best = new HashMap<>();
    for (ScoreRecord s : scores) {
      if (s == null || s.source() == null || s.benchmark() == null || s.scale() == null
          || !Objects.equals(model.modelId(), s.modelId()) || !Double.isFinite(s.value())) {
        continue;
      }
      best.merge(s.benchmark(), s, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
    }
    Map<String, ResolvedScore> resolved = new HashMap<>();
    best.forEach((benchmark, s) -> resolved.put(benchmark, ResolvedScore.of(s)));
    return of(model, resolved);
  }

  /** The resolved score on {@code benchmark} in percent, if the model has one. */
  public OptionalDouble percent(String benchmark) {
    ResolvedScore s = scores.get(benchmark);
    return s == null ? OptionalDouble.empty() : OptionalDouble.of(s.percent());
  }

  /** Whether the model has a resolved score on every one of {@code benchmarks}. */
  public boolean hasAll(Collection<String> benchmarks) {
    return scores.keySet().containsAll(benchmarks);
  }
}
