package io.phasewatch.core.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A model with its resolved score per benchmark: what the family, panel and cohort analyses read
 * (DESIGN.md "The topology", step 1).
 *
 * <p>Scores and model records published for a cohort (by a feed that declares {@code cohorts}: a
 * curated panel, a dated snapshot of a leaderboard) are that cohort's own figures. They are
 * resolved per cohort into a {@link #cohortViews view} and never merged into the general profile:
 * the paper's Pythia figures do not replace the leaderboard's, and two snapshots of one
 * leaderboard keep their own values and dates (data/CURATION.md).
 *
 * @param model the model record the general profile uses
 * @param scores benchmark id to the resolved score from scores of no cohort (the general
 *     profile: families and family-defined panels), sorted by benchmark id
 * @param cohortViews cohort to the model as that cohort sees it (its own record and scores); the
 *     views have no views of their own
 */
public record ModelProfile(int schemaVersion, ModelRecord model, Map<String, ResolvedScore> scores,
    Map<String, ModelProfile> cohortViews) {

  public static final int SCHEMA_VERSION = 1;

  /**
   * Source priority, then latest evaluation, then (so the result never depends on input order)
   * source id and larger value. Unevaluated scores count as oldest.
   */
  private static Comparator<ScoreRecord> preference(List<String> sourcePriority) {
    Comparator<ScoreRecord> byPriority = Comparator.comparingInt(s -> rank(sourcePriority,
        s.source()));
    return byPriority
        .thenComparing((ScoreRecord s) -> s.evaluatedAt().orElse(Instant.MIN),
            Comparator.reverseOrder())
        .thenComparing(ScoreRecord::source)
        .thenComparing(ScoreRecord::percent, Comparator.reverseOrder());
  }

  /** Source priority, then source id; a record without a source comes last. */
  private static Comparator<ModelRecord> recordPreference(List<String> sourcePriority) {
    return Comparator
        .comparingInt((ModelRecord m) -> m.source().isEmpty() ? Integer.MAX_VALUE
            : rank(sourcePriority, m.source().get()))
        .thenComparing(m -> m.source().isEmpty())
        .thenComparing(m -> m.source().orElse(""))
        .thenComparing(ModelRecord::modelId);
  }

  private static int rank(List<String> sourcePriority, String source) {
    int rank = sourcePriority.indexOf(source);
    return rank < 0 ? Integer.MAX_VALUE - 1 : rank;
  }

  public ModelProfile {
    Objects.requireNonNull(model, "model");
    scores = Copies.sortedMap(scores);
    cohortViews = Copies.sortedMap(cohortViews);
  }

  /** A profile with general scores only. */
  public static ModelProfile of(ModelRecord model, Map<String, ResolvedScore> scores) {
    return new ModelProfile(SCHEMA_VERSION, model, scores, Map.of());
  }

  /** {@link #resolve(Collection, Collection, List)} with one model record. */
  public static ModelProfile resolve(
      ModelRecord model, Collection<ScoreRecord> scores, List<String> sourcePriority) {
    return resolve(List.of(model), scores, sourcePriority);
  }

  /**
   * Resolves a model's records and scores into its profile. One score per benchmark: the source
   * that comes first in {@code sourcePriority} wins (sources not listed rank after all listed
   * ones), then the latest {@code evaluated_at}. Scores without cohorts make the general profile;
   * the scores of each cohort are resolved the same way among themselves. One record: the first
   * source in {@code sourcePriority}, then by source id, among the records of no cohort (of any,
   * when every record names a cohort) for the general profile, and among the records naming a
   * cohort for its view. A cohort without scores of its own sees the general scores; one without
   * a record of its own the general record. Scores of other models, scores without a source or
   * benchmark, and non-finite values are ignored. The result is the same for any order of either
   * collection.
   *
   * @param models at least one record, all of one model id
   */
  public static ModelProfile resolve(Collection<ModelRecord> models,
      Collection<ScoreRecord> scores, List<String> sourcePriority) {
    List<String> priority = List.copyOf(sourcePriority);
    Comparator<ModelRecord> recordOrder = recordPreference(priority);
    List<ModelRecord> records = models.stream().filter(Objects::nonNull).sorted(recordOrder)
        .toList();
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a profile needs at least one model record");
    }
    String modelId = records.get(0).modelId();
    ModelRecord general = records.stream().filter(m -> m.cohorts().isEmpty()).findFirst()
        .orElse(records.get(0));

    Comparator<ScoreRecord> preference = preference(priority);
    Map<String, ScoreRecord> best = new HashMap<>();
    Map<String, Map<String, ScoreRecord>> bestByCohort = new TreeMap<>();
    for (ScoreRecord s : scores) {
      if (s == null || s.source() == null || s.benchmark() == null || s.scale() == null
          || !Objects.equals(modelId, s.modelId()) || !Double.isFinite(s.value())) {
        continue;
      }
      if (s.cohorts().isEmpty()) {
        best.merge(s.benchmark(), s, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
      }
      for (String cohort : s.cohorts()) {
        bestByCohort.computeIfAbsent(cohort, c -> new HashMap<>())
            .merge(s.benchmark(), s, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
      }
    }
    Map<String, ResolvedScore> generalScores = resolved(best);

    Set<String> cohorts = new TreeSet<>(bestByCohort.keySet());
    records.forEach(m -> cohorts.addAll(m.cohorts()));
    Map<String, ModelProfile> views = new TreeMap<>();
    for (String cohort : cohorts) {
      ModelRecord own = records.stream().filter(m -> m.cohorts().contains(cohort)).findFirst()
          .orElse(general);
      Map<String, ScoreRecord> ownScores = bestByCohort.get(cohort);
      views.put(cohort, of(own, ownScores == null ? generalScores : resolved(ownScores)));
    }
    return new ModelProfile(SCHEMA_VERSION, general, generalScores, views);
  }

  private static Map<String, ResolvedScore> resolved(Map<String, ScoreRecord> best) {
    Map<String, ResolvedScore> out = new HashMap<>();
    best.forEach((benchmark, s) -> out.put(benchmark, ResolvedScore.of(s)));
    return out;
  }

  /**
   * Every cohort the model is in: those with a view and those the general record names, sorted.
   */
  public Set<String> cohortNames() {
    Set<String> all = new TreeSet<>(cohortViews.keySet());
    all.addAll(model.cohorts());
    return Collections.unmodifiableSet(all);
  }

  /**
   * The model as cohort {@code cohort} sees it: its view, or (a model placed in the cohort by its
   * general record only) the general profile.
   */
  public ModelProfile in(String cohort) {
    ModelProfile view = cohortViews.get(cohort);
    return view != null ? view : of(model, scores);
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
