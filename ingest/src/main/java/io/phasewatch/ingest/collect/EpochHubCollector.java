package io.phasewatch.ingest.collect;

import io.phasewatch.core.domain.Scale;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.feed.Location;
import io.phasewatch.ingest.fetch.Fetched;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One per-benchmark CSV of Epoch AI's Benchmarking Hub ({@code gpqa_diamond.csv},
 * {@code swe_bench_verified.csv}, {@code hle_external.csv}, …): a row per model version run,
 * the score as a fraction in {@code mean_score} (or {@code Accuracy} for the external
 * leaderboards it mirrors), release date, organisation, and run start time. The benchmark is the
 * feed's {@code benchmark:} or else the file name.
 */
public final class EpochHubCollector implements Collector {
  private static final String MODEL = "Model version";
  private static final List<String> VALUE_COLUMNS = List.of("mean_score", "Accuracy");

  @Override
  public String format() {
    return "epoch-hub";
  }

  @Override
  public RowBatch collect(FeedConfig feed, Fetched.Content content) throws CollectException {
    CsvTable table = CsvTable.read(content.text(), feed.id());
    table.require(format(), List.of(MODEL));
    String valueColumn = VALUE_COLUMNS.stream().filter(table.header()::contains).findFirst()
        .orElseThrow(() -> new CollectException(
            "not an epoch-hub table: no score column " + VALUE_COLUMNS + " in " + table.header()));
    String benchmark = feed.benchmark().orElseGet(() -> benchmarkFromFileName(feed));
    String metric = valueColumn.toLowerCase(Locale.ROOT);
    List<SourceRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>(table.malformed());
    for (CsvTable.Row r : table.rows()) {
      if (r.cell(MODEL).isEmpty()) {
        rejected.add(Rejection.parse(RejectReason.MISSING_MODEL, r.line(), feed.id(), r.original(),
            "empty '" + MODEL + "' column"));
        continue;
      }
      try {
        OptionalDouble v = Cells.number(r.cell(valueColumn), valueColumn);
        if (v.isEmpty()) {
          throw new Cells.RowProblem(RejectReason.MISSING_FIELD, "no score in " + valueColumn);
        }
        rows.add(SourceRow.builder(r.line(), r.original(), r.cell(MODEL).get())
            .score(RawScore.of(benchmark, v.getAsDouble(), Scale.FRACTION, metric, -1))
            .lab(r.cell("Organization"))
            .releaseDate(Cells.date(r.cell("Release date"), "Release date"))
            .evaluatedAt(Cells.instant(r.cell("Started at"), "Started at"))
            .sourceUrl(r.cell("Log viewer"))
            .revision(r.cell("id"))
            .build());
      } catch (Cells.RowProblem p) {
        rejected.add(Rejection.parse(p.reason, r.line(), feed.id(), r.original(), p.getMessage()));
      }
    }
    return new RowBatch(rows, rejected);
  }

  private static String benchmarkFromFileName(FeedConfig feed) {
    String name = Location.of(feed.location(), feed.baseDir()).fileName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
