package io.phasewatch.ingest.collect;

import java.util.List;

/** What a collector read from one source: the rows it understood and the ones it rejected. */
public record RowBatch(List<SourceRow> rows, List<Rejection> rejected) {
  public RowBatch {
    rows = List.copyOf(rows);
    rejected = List.copyOf(rejected);
  }
}
