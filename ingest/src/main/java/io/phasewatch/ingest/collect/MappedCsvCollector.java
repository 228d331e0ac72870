package io.phasewatch.ingest.collect;

import io.phasewatch.core.domain.Scale;
import io.phasewatch.ingest.feed.CsvMapping;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.fetch.Fetched;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Any CSV table with a header, read through the feed's column mapping ({@link CsvMapping}): the
 * model column, score columns with their benchmark, scale, metric and shots, and optional
 * metadata columns. The bundled snapshot in {@code data/bundled/} is read this way.
 */
public final class MappedCsvCollector implements Collector {

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public RowBatch collect(FeedConfig feed, Fetched.Content content) throws CollectException {
    CsvMapping m = feed.mapping().orElseThrow(() -> new CollectException(
        "feed " + feed.id() + ": the csv format needs a column mapping (mapping: or mapping_file:)"));
    CsvTable table = CsvTable.read(content.text(), feed.id());
    List<String> needed = new ArrayList<>();
    needed.add(m.model());
    m.scores().forEach(s -> needed.add(s.column()));
    for (Optional<String> c : List.of(m.family(), m.paramsB(), m.dModel(), m.type(), m.lab(),
        m.releaseDate(), m.evaluatedAt(), m.precision(), m.revision(), m.sourceUrl(), m.note())) {
      c.ifPresent(needed::add);
    }
    table.require("mapped csv", needed);

    List<SourceRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>(table.malformed());
    for (CsvTable.Row r : table.rows()) {
      Optional<String> model = r.cell(m.model());
      if (model.isEmpty()) {
        rejected.add(Rejection.parse(RejectReason.MISSING_MODEL, r.line(), feed.id(), r.original(),
            "empty model column '" + m.model() + "'"));
        continue;
      }
      try {
        rows.add(row(m, r, model.get()));
      } catch (Cells.RowProblem p) {
        rejected.add(Rejection.parse(p.reason, r.line(), feed.id(), r.original(), p.getMessage()));
      }
    }
    return new RowBatch(rows, rejected);
  }

  private static SourceRow row(CsvMapping m, CsvTable.Row r, String model) throws Cells.RowProblem {
    SourceRow.Builder b = SourceRow.builder(r.line(), r.original(), model);
    if (m.family().isPresent()) {
      b.family(r.cell(m.family().get()), m.family().get());
    }
    if (m.paramsB().isPresent()) {
      OptionalDouble p = Cells.number(r.cell(m.paramsB().get()), m.paramsB().get());
      if (p.isPresent()) {
        b.paramsB(p.getAsDouble(), m.paramsB().get());
      }
    }
    if (m.dModel().isPresent()) {
      Optional<Integer> w = Cells.integer(r.cell(m.dModel().get()), m.dModel().get());
      if (w.isPresent()) {
        b.dModel(w.get(), m.dModel().get());
      }
    }
    b.typeLabel(cell(r, m.type()));
    b.lab(cell(r, m.lab()));
    if (m.releaseDate().isPresent()) {
      b.releaseDate(Cells.date(r.cell(m.releaseDate().get()), m.releaseDate().get()));
    }
    if (m.evaluatedAt().isPresent()) {
      b.evaluatedAt(Cells.instant(r.cell(m.evaluatedAt().get()), m.evaluatedAt().get()));
    }
    b.precision(cell(r, m.precision()));
    b.revision(cell(r, m.revision()));
    b.sourceUrl(cell(r, m.sourceUrl()));
    b.note(cell(r, m.note()));
    for (CsvMapping.ScoreColumn s : m.scores()) {
      OptionalDouble v = Cells.number(r.cell(s.column()), s.column());
      if (v.isPresent()) {
        b.score(new RawScore(s.benchmark().orElse(s.column()), v.getAsDouble(),
            s.scale().orElse(Scale.PERCENT), s.metric(),
            s.nShot().map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty())));
      }
    }
    return b.build();
  }

  private static Optional<String> cell(CsvTable.Row r, Optional<String> column) {
    return column.flatMap(r::cell);
  }
}
