package io.phasewatch.ingest.resolve;

import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.collect.Given;
import io.phasewatch.ingest.collect.RawScore;
import io.phasewatch.ingest.collect.RejectReason;
import io.phasewatch.ingest.collect.Rejection;
import io.phasewatch.ingest.collect.RowBatch;
import io.phasewatch.ingest.collect.SourceRow;
import io.phasewatch.ingest.feed.FeedConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a collector's rows into records, the same way for every format: the canonical model id
 * (feed rewrites, then the alias table), benchmark names through the catalogue, values checked
 * against their scale, one row chosen per model and per model × benchmark by
 * {@link DuplicateRule}, and model metadata resolved with its provenance.
 *
 * <p>Order of precedence, first that applies:
 * <ul>
 *   <li>family: the feed's own rules, the feed's family column, the default family rules,
 *       else {@code unknown};
 *   <li>kind: the feed's kind rules, the kind of the family rule (official base repositories),
 *       a kind the feed states, the feed's type column, the feed's default kind, else unknown;
 *   <li>params_b: an exact count from the feed, else the name ({@link ParameterCount});
 *   <li>d_model: the feed's column, else the table.
 * </ul>
 */
public final class RowResolver {
  private static final String UNKNOWN_FAMILY = "unknown";

  private final ModelTables tables;
  private final FamilyRules defaultRules;
  private final Function<String, Optional<String>> benchmarks;

  public RowResolver(ModelTables tables, FamilyRules defaultRules,
                     Function<String, Optional<String>> benchmarks) {
    this.tables = tables;
    this.defaultRules = defaultRules;
    this.benchmarks = benchmarks;
  }

  /** The resolver with the shipped tables, rules and benchmark names. */
  public static RowResolver defaults() {
    return new RowResolver(ModelTables.defaults(), FamilyRules.defaults(), BenchmarkNames.resolver());
  }

  /**
   * @param feedRules the feed's own family rules (from the feed file), tried before the defaults
   * @param feedUrl the feed's location when it is a URL, used where a row has none of its own
   */
  public Collected resolve(FeedConfig feed, FamilyRules feedRules, RowBatch batch,
                           Instant fetchedAt, Optional<String> feedUrl) {
    List<Rejection> rejected = new ArrayList<>(batch.rejected());
    Map<String, List<SourceRow>> rowsByModel = new TreeMap<>();
    Map<String, List<Candidate>> candidates = new TreeMap<>();

    for (SourceRow row : batch.rows()) {
      String id = tables.canonicalId(rewrite(feed, row.modelName()));
      if (id.isEmpty()) {
        rejected.add(Rejection.parse(RejectReason.MISSING_MODEL, row.line(), feed.id(), row.original(),
            "model name '" + row.modelName() + "' is empty after rewriting"));
        continue;
      }
      rowsByModel.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
      for (RawScore s : row.scores()) {
        Optional<String> benchmark = benchmarks.apply(s.benchmark());
        if (benchmark.isEmpty()) {
          rejected.add(new Rejection(RejectReason.UNKNOWN_BENCHMARK, Rejection.Stage.VALIDATE, row.line(),
              ScoreRecord.key(feed.id(), id, s.benchmark()), row.original(),
              "benchmark '" + s.benchmark() + "' is not in the catalogue"));
          continue;
        }
        if (!Double.isFinite(s.value()) || s.value() < 0 || s.value() > s.scale().max()) {
          rejected.add(new Rejection(RejectReason.OUT_OF_RANGE, Rejection.Stage.VALIDATE, row.line(),
              ScoreRecord.key(feed.id(), id, benchmark.get()), row.original(),
              s.benchmark() + " = " + s.value() + " is outside 0–" + s.scale().max() + " (" + s.scale().id() + ")"));
          continue;
        }
        candidates.computeIfAbsent(ScoreRecord.key(feed.id(), id, benchmark.get()), k -> new ArrayList<>())
            .add(new Candidate(id, benchmark.get(), row, s));
      }
    }

    List<ScoreRecord> scores = new ArrayList<>();
    for (List<Candidate> options : candidates.values()) {
      Candidate c = options.stream().min(Comparator.comparing(Candidate::row, DuplicateRule.ORDER)).orElseThrow();
      scores.add(new ScoreRecord(ScoreRecord.SCHEMA_VERSION, feed.id(), c.modelId(), c.benchmark(),
          c.score().value(), c.score().scale(), c.score().metric(), c.score().nShot(),
          c.row().evaluatedAt(), Optional.of(fetchedAt), c.row().sourceUrl().or(() -> feedUrl),
          c.row().revision()));
    }

    FamilyRules rules = feedRules.then(defaultRules);
    List<ModelRecord> models = new ArrayList<>();
    rowsByModel.forEach((id, rows) -> models.add(model(feed, feedRules, rules, id, rows)));
    return new Collected(scores, models, rejected);
  }

  private record Candidate(String modelId, String benchmark, SourceRow row, RawScore score) {}

  private ModelRecord model(FeedConfig feed, FamilyRules feedRules, FamilyRules rules, String id,
                            List<SourceRow> rows) {
    List<SourceRow> ordered = rows.stream().sorted(DuplicateRule.ORDER).toList();
    SourceRow chosen = ordered.get(0);
    Map<String, String> provenance = new TreeMap<>();

    provenance.put("model_id", idProvenance(feed, chosen.modelName()));
    provenance.put("row", ordered.size() == 1
        ? "line " + chosen.line() + " (the only row)"
        : "line " + chosen.line() + " of " + ordered.size() + " rows" + describe(chosen)
            + "; rule: " + DuplicateRule.STATEMENT);
    chosen.note().ifPresent(n -> provenance.put("upstream", n));

    // family
    Optional<FamilyRules.Match> feedMatch = feedRules.match(id);
    Optional<Given<String>> familyColumn = first(ordered, SourceRow::family);
    Optional<FamilyRules.Match> ruleMatch = rules.match(id);
    String family;
    if (feedMatch.isPresent()) {
      family = feedMatch.get().family();
      provenance.put("family", feedMatch.get().provenance());
    } else if (familyColumn.isPresent()) {
      family = familyColumn.get().value();
      provenance.put("family", "column " + familyColumn.get().column());
    } else if (ruleMatch.isPresent()) {
      family = ruleMatch.get().family();
      provenance.put("family", ruleMatch.get().provenance());
    } else {
      family = UNKNOWN_FAMILY;
      provenance.put("family", "unknown: no family rule matched");
    }

    // kind
    ModelKind kind = ModelKind.UNKNOWN;
    Optional<FeedConfig.KindRule> kindRule = feed.kindRules().stream()
        .filter(k -> Pattern.compile(k.pattern(), Pattern.CASE_INSENSITIVE).matcher(id).find()).findFirst();
    Optional<Given<ModelKind>> statedKind = first(ordered, SourceRow::kind);
    Optional<String> typeLabel = first(ordered, SourceRow::typeLabel);
    Optional<ModelKind> labelled = typeLabel.flatMap(KindLabels::kindOf);
    if (kindRule.isPresent()) {
      kind = kindRule.get().kind();
      provenance.put("kind", "kind rule of feed " + feed.id() + " (" + kindRule.get().pattern() + ")");
    } else if (ruleMatch.flatMap(FamilyRules.Match::kind).isPresent()) {
      kind = ruleMatch.get().kind().get();
      provenance.put("kind", ruleMatch.get().provenance());
    } else if (statedKind.isPresent()) {
      kind = statedKind.get().value();
      provenance.put("kind", "column " + statedKind.get().column());
    } else if (labelled.isPresent()) {
      kind = labelled.get();
      provenance.put("kind", "type column '" + typeLabel.get() + "'");
    } else if (feed.kind().isPresent()) {
      kind = feed.kind().get();
      provenance.put("kind", "default kind of feed " + feed.id());
    } else {
      provenance.put("kind", typeLabel.map(t -> "unknown: type '" + t + "' not recognised")
          .orElse("unknown: no type given"));
    }

    // parameters
    OptionalDouble paramsB = OptionalDouble.empty();
    Optional<Given<Double>> givenParams = first(ordered, SourceRow::paramsB);
    if (givenParams.isPresent()) {
      paramsB = OptionalDouble.of(givenParams.get().value());
      provenance.put("params_b", "column " + givenParams.get().column());
    } else {
      Optional<Resolved<Double>> fromName = ParameterCount.fromName(id, tables);
      if (fromName.isPresent()) {
        paramsB = OptionalDouble.of(fromName.get().value());
        provenance.put("params_b", fromName.get().provenance());
      } else {
        provenance.put("params_b", "unknown: no exact count in the feed and no size in the name");
      }
    }

    // width
    OptionalInt dModel = OptionalInt.empty();
    Optional<Given<Integer>> givenWidth = first(ordered, SourceRow::dModel);
    if (givenWidth.isPresent()) {
      dModel = OptionalInt.of(givenWidth.get().value());
      provenance.put("d_model", "column " + givenWidth.get().column());
    } else if (tables.dModel(id).isPresent()) {
      dModel = tables.dModel(id);
      provenance.put("d_model", "table d_model[" + id + "]");
    }

    Optional<String> lab = first(ordered, SourceRow::lab);
    lab.ifPresent(l -> provenance.put("lab", "feed column"));
    Optional<LocalDate> release = first(ordered, SourceRow::releaseDate);
    release.ifPresent(d -> provenance.put("release_date", "feed column"));
    TreeSet<String> cohorts = new TreeSet<>(feed.cohorts());
    rows.forEach(r -> cohorts.addAll(r.cohorts()));
    if (!cohorts.isEmpty()) {
      provenance.put("cohorts", feed.cohorts().isEmpty() ? "rows" : "feed " + feed.id());
    }
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, id, family, paramsB, dModel, kind, lab,
        release, List.copyOf(cohorts), provenance);
  }

  private static String rewrite(FeedConfig feed, String name) {
    String out = name.trim();
    for (FeedConfig.Rewrite r : feed.modelRewrites()) {
      out = Pattern.compile(r.pattern()).matcher(out).replaceAll(r.replacement());
    }
    return out;
  }

  /** How the model id came from the name the source used. */
  private String idProvenance(FeedConfig feed, String name) {
    String given = name.trim();
    String rewritten = rewrite(feed, given);
    String lower = rewritten.toLowerCase(Locale.ROOT);
    List<String> steps = new ArrayList<>();
    if (!rewritten.equals(given)) {
      steps.add("model_rewrites");
    }
    if (!lower.equals(rewritten)) {
      steps.add("lower case");
    }
    if (tables.aliases().containsKey(lower)) {
      steps.add("alias table");
    }
    return steps.isEmpty() ? "name as given" : "from '" + given + "' by " + String.join(", ", steps);
  }

  private static String describe(SourceRow r) {
    List<String> parts = new ArrayList<>();
    r.precision().ifPresent(p -> parts.add("precision " + p));
    r.evaluatedAt().ifPresent(e -> parts.add("evaluated " + e));
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  /** The field from the best row that has it. */
  private static <T> Optional<T> first(List<SourceRow> ordered, Function<SourceRow, Optional<T>> field) {
    return ordered.stream().map(field).flatMap(Optional::stream).findFirst();
  }
}
