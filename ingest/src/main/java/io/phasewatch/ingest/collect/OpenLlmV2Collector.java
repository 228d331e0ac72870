package io.phasewatch.ingest.collect;

import io.phasewatch.core.domain.Scale;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.fetch.Fetched;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The Open LLM Leaderboard v2 table (IFEval, BBH, MATH Lvl 5, GPQA, MuSR, MMLU-PRO) as published
 * in CSV. Reads each benchmark's raw value ({@code evaluations_<b>_value}, a fraction), not the
 * leaderboard's baseline-normalised score. {@code metadata_params_billions} is the safetensors
 * count, exact, so it is used as the parameter count.
 */
public final class OpenLlmV2Collector implements Collector {
  /** Column stem, benchmark name and shots as the v2 leaderboard evaluated them. */
  private record Bench(String stem, String benchmark, int nShot) {
    String column() {
      return "evaluations_" + stem + "_value";
    }
  }

  private static final List<Bench> BENCHMARKS = List.of(
      new Bench("ifeval", "ifeval", 0),
      new Bench("bbh", "bbh", 3),
      new Bench("math", "math_lvl5", 4),
      new Bench("gpqa", "gpqa", 0),
      new Bench("musr", "musr", 0),
      new Bench("mmlu_pro", "mmlu_pro", 5));

  private static final String PARAMS = "metadata_params_billions";

  @Override
  public String format() {
    return "openllm-v2";
  }

  @Override
  public RowBatch collect(FeedConfig feed, Fetched.Content content) throws CollectException {
    CsvTable table = CsvTable.read(content.text(), feed.id());
    table.require(format(), Stream.concat(
        Stream.of("model_name", "model_sha", "model_precision", "model_type", PARAMS,
            "metadata_submission_date"),
        BENCHMARKS.stream().map(Bench::column)).toList());
    List<SourceRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>(table.malformed());
    for (CsvTable.Row r : table.rows()) {
      if (r.cell("model_name").isEmpty()) {
        rejected.add(Rejection.parse(RejectReason.MISSING_MODEL, r.line(), feed.id(), r.original(),
            "empty model_name column"));
        continue;
      }
      try {
        SourceRow.Builder b = SourceRow.builder(r.line(), r.original(), r.cell("model_name").get())
            .typeLabel(r.cell("model_type"))
            .precision(r.cell("model_precision"))
            .revision(r.cell("model_sha"))
            .evaluatedAt(Cells.instant(r.cell("metadata_submission_date"), "metadata_submission_date"))
            .note(r.cell("metadata_base_model").map(m -> "base model " + m));
        OptionalDouble params = Cells.number(r.cell(PARAMS), PARAMS);
        if (params.isPresent() && params.getAsDouble() > 0) {
          b.paramsB(params.getAsDouble(), PARAMS);
        }
        for (Bench bench : BENCHMARKS) {
          OptionalDouble v = Cells.number(r.cell(bench.column()), bench.column());
          if (v.isPresent()) {
            b.score(RawScore.of(bench.benchmark(), v.getAsDouble(), Scale.FRACTION, "raw", bench.nShot()));
          }
        }
        rows.add(b.build());
      } catch (Cells.RowProblem p) {
        rejected.add(Rejection.parse(p.reason, r.line(), feed.id(), r.original(), p.getMessage()));
      }
    }
    return new RowBatch(rows, rejected);
  }
}
