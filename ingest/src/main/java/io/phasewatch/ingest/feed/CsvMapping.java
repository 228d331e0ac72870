package io.phasewatch.ingest.feed;

import io.phasewatch.core.domain.Scale;
import java.util.List;
import java.util.Optional;

/**
 * How the generic {@code csv} format reads a table: which column holds the model, which hold
 * scores, and which hold metadata. Every column but {@code model} and {@code scores} is optional.
 *
 * <pre>
 * model: model
 * family: family
 * params_b: params_b          # exact or curated count; otherwise the name rules apply
 * scores:
 *   - {column: hellaswag, benchmark: hellaswag, scale: percent, metric: acc_norm, n_shot: 10}
 * </pre>
 *
 * @param type a type/kind column, read by {@code KindLabels} (base, chat, "🟢 pretrained", …)
 * @param note a free-text column about the row's own origin, kept in provenance
 */
public record CsvMapping(
    String model,
    Optional<String> family,
    Optional<String> paramsB,
    Optional<String> dModel,
    Optional<String> type,
    Optional<String> lab,
    Optional<String> releaseDate,
    Optional<String> evaluatedAt,
    Optional<String> precision,
    Optional<String> revision,
    Optional<String> sourceUrl,
    Optional<String> note,
    List<ScoreColumn> scores) {

  public CsvMapping {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("a csv mapping needs the model column (model:)");
    }
    family = orEmpty(family);
    paramsB = orEmpty(paramsB);
    dModel = orEmpty(dModel);
    type = orEmpty(type);
    lab = orEmpty(lab);
    releaseDate = orEmpty(releaseDate);
    evaluatedAt = orEmpty(evaluatedAt);
    precision = orEmpty(precision);
    revision = orEmpty(revision);
    sourceUrl = orEmpty(sourceUrl);
    note = orEmpty(note);
    scores = scores == null ? List.of() : List.copyOf(scores);
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("a csv mapping needs at least one score column (scores:)");
    }
  }

  /**
   * One score column.
   *
   * @param benchmark the benchmark name to resolve in the catalogue; the column name by default
   * @param scale percent (default) or fraction
   */
  public record ScoreColumn(String column, Optional<String> benchmark, Optional<Scale> scale,
                            Optional<String> metric, Optional<Integer> nShot) {
    public ScoreColumn {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("a score column needs its column name (column:)");
      }
      benchmark = orEmpty(benchmark);
      scale = orEmpty(scale);
      metric = orEmpty(metric);
      nShot = orEmpty(nShot);
    }
  }

  private static <T> Optional<T> orEmpty(Optional<T> o) {
    return o == null ? Optional.empty() : o;
  }
}
