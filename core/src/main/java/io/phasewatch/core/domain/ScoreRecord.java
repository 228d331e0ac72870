package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One benchmark score of one model from one source (DESIGN.md "Records").
 *
 * <p>Key on {@code phasewatch.scores.v1}: {@link #key()} = {@code source|model_id|benchmark}; a
 * null value on that key retracts the score.
 *
 * @param source feed id that published it
 * @param modelId model id as the feed names it, normalised by the collector
 * @param benchmark canonical benchmark id from the catalogue
 * @param value the score on {@code scale}; required in JSON, because a primitive would otherwise
 *     read a missing or null value as a silent 0
 * @param scale {@link Scale#PERCENT} (0–100) or {@link Scale#FRACTION} (0–1)
 * @param metric the metric as the source names it (acc_norm, mc2, mean_score, …)
 * @param cohorts the cohorts (panels, snapshots) the publishing feed declares; a set, kept sorted.
 *     A score with cohorts is that cohort's snapshot: it is used for those cohorts only and never
 *     merged into the model's general profile ({@link ModelProfile#resolve})
 */
public record ScoreRecord(
    int schemaVersion,
    String source,
    String modelId,
    String benchmark,
    @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double value,
    Scale scale,
    Optional<String> metric,
    OptionalInt nShot,
    Optional<Instant> evaluatedAt,
    Optional<Instant> fetchedAt,
    Optional<String> sourceUrl,
    Optional<String> revision,
    List<String> cohorts) {

  public static final int SCHEMA_VERSION = 1;

  public ScoreRecord {
    metric = metric == null ? Optional.empty() : metric;
    nShot = nShot == null ? OptionalInt.empty() : nShot;
    evaluatedAt = evaluatedAt == null ? Optional.empty() : evaluatedAt;
    fetchedAt = fetchedAt == null ? Optional.empty() : fetchedAt;
    sourceUrl = sourceUrl == null ? Optional.empty() : sourceUrl;
    revision = revision == null ? Optional.empty() : revision;
    cohorts = Copies.sortedSet(cohorts);
  }

  /** The score of no cohort: one for the model's general profile. */
  public ScoreRecord(int schemaVersion, String source, String modelId, String benchmark,
      double value, Scale scale, Optional<String> metric, OptionalInt nShot,
      Optional<Instant> evaluatedAt, Optional<Instant> fetchedAt, Optional<String> sourceUrl,
      Optional<String> revision) {
    this(schemaVersion, source, modelId, benchmark, value, scale, metric, nShot, evaluatedAt,
        fetchedAt, sourceUrl, revision, List.of());
  }

  /** The minimal score: everything optional left empty. */
  public static ScoreRecord of(String source, String modelId, String benchmark, double value, Scale scale) {
    return new ScoreRecord(SCHEMA_VERSION, source, modelId, benchmark, value, scale,
        Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public static String key(String source, String modelId, String benchmark) {
    return source + "|" + modelId + "|" + benchmark;
  }

  public String key() {
    return key(source, modelId, benchmark);
  }

  /**
   * The model id of a score key ({@link #key(String, String, String)}); empty when {@code key}
   * is not one (no key part can hold {@code |}, core.validation), as in a tombstone for a key no
   * score ever had.
   */
  public static Optional<String> modelIdOfKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    int first = key.indexOf('|');
    int last = key.lastIndexOf('|');
    if (first < 0 || key.indexOf('|', first + 1) != last || last - first < 2) {
      return Optional.empty();
    }
    return Optional.of(key.substring(first + 1, last));
  }

  /** The value as a percentage (0–100), whatever scale it was published on. */
  public double percent() {
    return scale.toPercent(value);
  }
}
