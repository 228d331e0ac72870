package io.phasewatch.ingest.collect;

import io.phasewatch.core.domain.ModelKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of a source in a format-neutral shape: the model as the source names it, its scores,
 * and whatever metadata the source gives. Collectors produce these; the resolver turns them into
 * records (canonical id, family, parameters, duplicate resolution).
 *
 * @param line 1-based line (or record number) where the row starts, for provenance and rejections
 * @param original the row as it stands in the source
 * @param typeLabel the feed's type column, read by {@code KindLabels}
 * @param kind a kind the feed states directly (JSON Lines, mapped {@code kind} column)
 * @param precision the evaluated precision (float16, 8bit, GPTQ, …), for duplicate resolution
 * @param note free text about the row's own origin, kept in provenance
 */
public record SourceRow(
    long line,
    String original,
    String modelName,
    List<RawScore> scores,
    Optional<String> typeLabel,
    Optional<Given<ModelKind>> kind,
    Optional<Given<String>> family,
    Optional<Given<Double>> paramsB,
    Optional<Given<Integer>> dModel,
    Optional<String> lab,
    Optional<LocalDate> releaseDate,
    List<String> cohorts,
    Optional<String> precision,
    Optional<Instant> evaluatedAt,
    Optional<String> revision,
    Optional<String> sourceUrl,
    Optional<String> note) {

  public SourceRow {
    scores = List.copyOf(scores);
    cohorts = List.copyOf(cohorts);
  }

  public static Builder builder(long line, String original, String modelName) {
    return new Builder(line, original, modelName);
  }

  /** Collects a row's fields as a parser meets them. */
  public static final class Builder {
    private final long line;
    private final String original;
    private final String modelName;
    private final List<RawScore> scores = new ArrayList<>();
    private final List<String> cohorts = new ArrayList<>();
    private Optional<String> typeLabel = Optional.empty();
    private Optional<Given<ModelKind>> kind = Optional.empty();
    private Optional<Given<String>> family = Optional.empty();
    private Optional<Given<Double>> paramsB = Optional.empty();
    private Optional<Given<Integer>> dModel = Optional.empty();
    private Optional<String> lab = Optional.empty();
    private Optional<LocalDate> releaseDate = Optional.empty();
    private Optional<String> precision = Optional.empty();
    private Optional<Instant> evaluatedAt = Optional.empty();
    private Optional<String> revision = Optional.empty();
    private Optional<String> sourceUrl = Optional.empty();
    private Optional<String> note = Optional.empty();

    private Builder(long line, String original, String modelName) {
      this.line = line;
      this.original = original;
      this.modelName = modelName;
    }

    public Builder score(RawScore s) {
      scores.add(s);
      return this;
    }

    public Builder typeLabel(Optional<String> v) {
      typeLabel = nonBlank(v);
      return this;
    }

    public Builder kind(ModelKind v, String column) {
      kind = Optional.of(new Given<>(v, column));
      return this;
    }

    public Builder family(Optional<String> v, String column) {
      family = nonBlank(v).map(f -> new Given<>(f, column));
      return this;
    }

    public Builder paramsB(double v, String column) {
      paramsB = Optional.of(new Given<>(v, column));
      return this;
    }

    public Builder dModel(int v, String column) {
      dModel = Optional.of(new Given<>(v, column));
      return this;
    }

    public Builder lab(Optional<String> v) {
      lab = nonBlank(v);
      return this;
    }

    public Builder releaseDate(Optional<LocalDate> v) {
      releaseDate = v;
      return this;
    }

    public Builder cohorts(List<String> v) {
      cohorts.addAll(v);
      return this;
    }

    public Builder precision(Optional<String> v) {
      precision = nonBlank(v);
      return this;
    }

    public Builder evaluatedAt(Optional<Instant> v) {
      evaluatedAt = v;
      return this;
    }

    public Builder revision(Optional<String> v) {
      revision = nonBlank(v);
      return this;
    }

    public Builder sourceUrl(Optional<String> v) {
      sourceUrl = nonBlank(v);
      return this;
    }

    public Builder note(Optional<String> v) {
      note = nonBlank(v);
      return this;
    }

    public SourceRow build() {
      return new SourceRow(line, original, modelName, scores, typeLabel, kind, family, paramsB,
          dModel, lab, releaseDate, cohorts, precision, evaluatedAt, revision, sourceUrl, note);
    }

    private static Optional<String> nonBlank(Optional<String> v) {
      return v.map(String::trim).filter(s -> !s.isEmpty());
    }
  }
}
