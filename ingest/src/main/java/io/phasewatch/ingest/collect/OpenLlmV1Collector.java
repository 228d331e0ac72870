package io.phasewatch.ingest.collect;

import io.phasewatch.core.domain.Scale;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.fetch.Fetched;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The Open LLM Leaderboard v1 table (HuggingFace, archived 2024), as published in CSV: one row
 * per evaluated model × precision/revision, six scores in percent, a type column, precision,
 * revision ({@code model_sha}), submission date and URL. Its {@code params_b} column is an
 * integer rounded down and is deliberately not read: sizes come from names and tables.
 */
public final class OpenLlmV1Collector implements Collector {
  /** Column, metric and shots as the v1 leaderboard evaluated them. */
  private record Bench(String column, String metric, int nShot) {}

  private static final List<Bench> BENCHMARKS = List.of(
      new Bench("arc", "acc_norm", 25),
      new Bench("hellaswag", "acc_norm", 10),
      new Bench("mmlu", "acc", 5),
      new Bench("truthfulqa", "mc2", 0),
      new Bench("winogrande", "acc", 5),
      new Bench("gsm8k", "acc", 5));

  @Override
  public String format() {
    return "openllm-v1";
  }

  @Override
  public RowBatch collect(FeedConfig feed, Fetched.Content content) throws CollectException {
    CsvTable table = CsvTable.read(content.text(), feed.id());
    table.require(format(), Stream.concat(Stream.of("model", "type", "precision", "model_sha", "date"),
        BENCHMARKS.stream().map(Bench::column)).toList());
    List<SourceRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>(table.malformed());
    for (CsvTable.Row r : table.rows()) {
      if (r.cell("model").isEmpty()) {
        rejected.add(Rejection.parse(RejectReason.MISSING_MODEL, r.line(), feed.id(), r.original(),
            "empty model column"));
        continue;
      }
      try {
        SourceRow.Builder b = SourceRow.builder(r.line(), r.original(), r.cell("model").get())
            .typeLabel(r.cell("type"))
            .precision(r.cell("precision"))
            .revision(r.cell("model_sha"))
            .evaluatedAt(Cells.instant(r.cell("date"), "date"))
            .sourceUrl(r.cell("url"));
        for (Bench bench : BENCHMARKS) {
          OptionalDouble v = Cells.number(r.cell(bench.column()), bench.column());
          if (v.isPresent()) {
            b.score(RawScore.of(bench.column(), v.getAsDouble(), Scale.PERCENT, bench.metric(), bench.nShot()));
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
