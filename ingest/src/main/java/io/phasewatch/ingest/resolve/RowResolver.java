package io.phasewatch.ingest.resolve;

import io.phasewatch.core.catalogue.Benchmark;
import io.phasewatch.core.catalogue.BenchmarkCatalogue;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.core.validation.RejectionReason;
import io.phasewatch.core.validation.Validator;
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
 * (feed rewrites, then the alias table), benchmark names through the benchmark catalogue, every
 * record checked by the shared {@link Validator} (a refused one becomes a rejection with the
 * validator's reason code), one row chosen per model and per model × benchmark by
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
  private final BenchmarkCatalogue catalogue;
  private final Validator validator;

  public RowResolver(ModelTables tables, FamilyRules defaultRules, BenchmarkCatalogue catalogue,
                     Validator validator) {
    this.tables = tables;
    this.defaultRules = defaultRules;
    this.catalogue = catalogue;
    this.validator = validator;
  }

  /** The resolver with the shipped tables and rules, the standard catalogue and validator. */
  public static RowResolver defaults() {
    return new RowResolver(ModelTables.defaults(), FamilyRules.defaults(), BenchmarkCatalogue.standard(),
        Validator.standard());
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
        Optional<String> benchmark = catalogue.resolve(s.benchmark()).map(Benchmark::id);
        if (benchmark.isEmpty()) {
          rejected.add(new Rejection(RejectionReason.UNKNOWN_BENCHMARK.code(), Rejection.Stage.VALIDATE,
              row.line(), ScoreRecord.key(feed.id(), id, s.benchmark()), row.original(),
              "benchmark '" + s.benchmark() + "' is not in the catalogue"));
          continue;
        }
        ScoreRecord record = scoreRecord(feed, id, benchmark.get(), row, s, fetchedAt, feedUrl);
        List<io.phasewatch.core.validation.Rejection> problems = validator.validate(record);
        if (!problems.isEmpty()) {
          rejected.add(invalid(problems, record.key(), row));
          continue;
        }
        candidates.computeIfAbsent(ScoreRecord.key(feed.id(), id, benchmark.get()), k -> new ArrayList<>())
            .add(new Candidate(record, row));
      }
    }

    List<ScoreRecord> scores = new ArrayList<>();
    for (List<Candidate> options : candidates.values()) {
      scores.add(options.stream().min(Comparator.comparing(Candidate::row, DuplicateRule.ORDER))
          .orElseThrow().score());
    }

    FamilyRules rules = feedRules.then(defaultRules);
    List<ModelRecord> models = new ArrayList<>();
    rowsByModel.forEach((id, rows) -> {
      ModelRecord m = model(feed, feedRules, rules, id, rows);
      List<io.phasewatch.core.validation.Rejection> problems = validator.validate(m);
      if (problems.isEmpty()) {
        models.add(m);
      } else {
        rejected.add(invalid(problems, m.modelId(), rows.stream().sorted(DuplicateRule.ORDER).findFirst().orElseThrow()));
      }
    });
    return new Collected(scores, models, rejected);
  }

  private record Candidate(ScoreRecord score, SourceRow row) {}

  private static ScoreRecord scoreRecord(FeedConfig feed, String modelId, String benchmark, SourceRow row,
                                         RawScore s, Instant fetchedAt, Optional<String> feedUrl) {
    return new ScoreRecord(ScoreRecord.SCHEMA_VERSION, feed.id(), modelId, benchmark, s.value(), s.scale(),
        s.metric(), s.nShot(), row.evaluatedAt(), Optional.of(fetchedAt), row.sourceUrl().or(() -> feedUrl),
        row.revision(), cohorts(feed, List.of(row)));
  }

  /**
   * The cohorts a feed declares, and those its rows name. A feed's scores carry them, so a
   * curated panel or a dated snapshot stays its own cohort downstream and is never merged with
   * another feed's figures for the same model (ModelProfile).
   */
  private static List<String> cohorts(FeedConfig feed, List<SourceRow> rows) {
    TreeSet<String> cohorts = new TreeSet<>(feed.cohorts());
    rows.forEach(r -> cohorts.addAll(r.cohorts()));
    return List.copyOf(cohorts);
  }

  /**
   * The model's name as the feed spells it (after its rewrites), when it is the id up to case;
   * an alias-table rename has no spelling of its own, so it shows the id.
   */
  private static Optional<String> displayName(FeedConfig feed, String id, SourceRow row) {
    String rewritten = rewrite(feed, row.modelName());
    return rewritten.toLowerCase(Locale.ROOT).equals(id) ? Optional.of(rewritten) : Optional.empty();
  }

  /** A record the shared validator refused: its first reason, every message. */
  private static Rejection invalid(List<io.phasewatch.core.validation.Rejection> problems, String key, SourceRow row) {
    String detail = problems.stream().map(p -> p.message()).reduce((a, b) -> a + "; " + b).orElse("");
    return new Rejection(problems.get(0).code(), Rejection.Stage.VALIDATE, row.line(), key, row.original(), detail);
  }

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
    List<String> cohorts = cohorts(feed, rows);
    if (!cohorts.isEmpty()) {
      provenance.put("cohorts", feed.cohorts().isEmpty() ? "rows" : "feed " + feed.id());
    }
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, Optional.of(feed.id()), id,
        displayName(feed, id, chosen), family, paramsB, dModel, kind, lab, release, cohorts,
        provenance);
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
