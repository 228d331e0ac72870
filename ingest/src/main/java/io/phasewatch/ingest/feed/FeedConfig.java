package io.phasewatch.ingest.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.ingest.resolve.FamilyRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One feed, as a YAML feed file describes it (see {@code feeds/README.md} for every field).
 *
 * @param id the feed id: the {@code source} of its scores and the first part of their keys
 * @param format one of the collector formats: openllm-v1, openllm-v2, epoch-hub, lm-eval-json,
 *     csv, jsonl
 * @param location a file path (relative to the feed file), a {@code file:} URI, or an
 *     {@code http}/{@code https} URL; nothing else is accepted
 * @param schedule {@code once} or an interval ({@code 6h}, {@code PT6H}) for scheduled runs
 * @param priority source priority when several sources score the same model and benchmark
 *     (higher wins downstream); published as a header
 * @param authoritative whether a row that disappears from the source retracts its scores
 * @param familyRules rules tried before the default family rules (to fix a mis-filed model)
 * @param familyRulesFile a rules file tried after {@code familyRules}, before the defaults
 * @param kindRules pattern → kind, tried before everything else that decides the kind
 * @param kind the kind of models the feed's own columns and rules leave undecided
 * @param cohorts cohorts every model of this feed belongs to (e.g. {@code frontier})
 * @param modelRewrites regex replacements on model names before the canonical id is formed
 *     (e.g. strip an effort suffix so two files name a model alike)
 * @param benchmark for one-benchmark formats (epoch-hub): the benchmark the file holds;
 *     otherwise taken from the file name
 * @param tasks for lm-eval-json: which task/metric entries to read (defaults cover the Open LLM
 *     Leaderboard tasks)
 * @param mapping for csv: the column mapping, inline
 * @param mappingFile for csv: a mapping file (relative to the feed file) instead of inline
 * @param baseDir the directory relative paths are resolved against (set by the loader)
 */
public record FeedConfig(
    String id,
    String format,
    String location,
    Optional<String> description,
    Optional<String> schedule,
    int priority,
    boolean authoritative,
    List<FamilyRules.Rule> familyRules,
    Optional<String> familyRulesFile,
    List<KindRule> kindRules,
    Optional<ModelKind> kind,
    List<String> cohorts,
    List<Rewrite> modelRewrites,
    Optional<String> benchmark,
    List<LmEvalTask> tasks,
    Optional<CsvMapping> mapping,
    Optional<String> mappingFile,
    Optional<HttpSettings> http,
    @JsonIgnore Path baseDir) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public FeedConfig {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "feed id must be letters, digits, '.', '_' or '-' (and not contain '|'): " + id);
    }
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("feed " + id + " has no format");
    }
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("feed " + id + " has no location");
    }
    description = orEmpty(description);
    schedule = orEmpty(schedule);
    familyRules = familyRules == null ? List.of() : List.copyOf(familyRules);
    familyRulesFile = orEmpty(familyRulesFile);
    kindRules = kindRules == null ? List.of() : List.copyOf(kindRules);
    kind = orEmpty(kind);
    cohorts = cohorts == null ? List.of() : List.copyOf(cohorts);
    modelRewrites = modelRewrites == null ? List.of() : List.copyOf(modelRewrites);
    benchmark = orEmpty(benchmark);
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    mapping = orEmpty(mapping);
    mappingFile = orEmpty(mappingFile);
    http = orEmpty(http);
    baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir;
  }

  /** A feed given on the command line: everything but format, location and id defaulted. */
  public static FeedConfig inline(String id, String format, String location,
                                  Optional<CsvMapping> mapping, Path baseDir) {
    return new FeedConfig(id, format, location, Optional.empty(), Optional.empty(), 0, false,
        List.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(),
        Optional.empty(), List.of(), mapping, Optional.empty(), Optional.empty(), baseDir);
  }

  public FeedConfig withBaseDir(Path dir) {
    return new FeedConfig(id, format, location, description, schedule, priority, authoritative,
        familyRules, familyRulesFile, kindRules, kind, cohorts, modelRewrites, benchmark, tasks,
        mapping, mappingFile, http, dir);
  }

  public FeedConfig withMapping(CsvMapping m) {
    return new FeedConfig(id, format, location, description, schedule, priority, authoritative,
        familyRules, familyRulesFile, kindRules, kind, cohorts, modelRewrites, benchmark, tasks,
        Optional.of(m), mappingFile, http, baseDir);
  }

  public HttpSettings httpOrDefaults() {
    return http.orElseGet(HttpSettings::defaults);
  }

  /** A kind rule: models whose canonical id matches {@code pattern} are of {@code kind}. */
  public record KindRule(String pattern, ModelKind kind) {
    public KindRule {
      if (pattern == null || pattern.isBlank() || kind == null) {
        throw new IllegalArgumentException("a kind rule needs a pattern and a kind");
      }
    }
  }

  /** A regex replacement applied to model names before they become ids. */
  public record Rewrite(String pattern, String replacement) {
    public Rewrite {
      if (pattern == null || pattern.isBlank()) {
        throw new IllegalArgumentException("a model rewrite needs a pattern");
      }
      replacement = replacement == null ? "" : replacement;
    }
  }

  /**
   * An lm-evaluation-harness entry to read: {@code results.<task>["<metric>,<filter>"]}.
   *
   * @param metric the entry name, e.g. {@code acc_norm,none}
   * @param benchmark the benchmark name to resolve in the catalogue
   */
  public record LmEvalTask(String task, String metric, String benchmark, Optional<Integer> nShot) {
    public LmEvalTask {
      if (task == null || metric == null || benchmark == null) {
        throw new IllegalArgumentException("an lm-eval task needs task, metric and benchmark");
      }
      nShot = orEmpty(nShot);
    }
  }

  private static <T> Optional<T> orEmpty(Optional<T> o) {
    return o == null ? Optional.empty() : o;
  }
}
