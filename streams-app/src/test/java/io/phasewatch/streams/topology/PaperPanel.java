package io.phasewatch.streams.topology;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The 14-model panel of METHOD.md §1.4 (parameters, HellaSwag, TruthfulQA as the author's
 * {@code scripts/bootstrap_Nc.py} has them), as records for the topology and as points for a
 * direct call of core.diagnosis.
 */
final class PaperPanel {
  private PaperPanel() {}

  record Row(String model, String family, double paramsB, double hs, double tqa) {}

  static final List<Row> ROWS = List.of(
      new Row("pythia-70m", "pythia", 0.07, 27.29, 47.64),
      new Row("pythia-160m", "pythia", 0.16, 29.59, 43.52),
      new Row("pythia-410m", "pythia", 0.41, 40.56, 40.34),
      new Row("pythia-1b", "pythia", 1.0, 47.16, 38.67),
      new Row("pythia-1.4b", "pythia", 1.4, 52.01, 38.66),
      new Row("pythia-2.8b", "pythia", 2.8, 59.37, 35.56),
      new Row("pythia-6.9b", "pythia", 6.9, 64.02, 32.76),
      new Row("pythia-12b", "pythia", 12.0, 67.30, 32.47),
      new Row("llama-1-7b", "llama-1", 7.0, 77.81, 34.33),
      new Row("llama-1-13b", "llama-1", 13.0, 80.92, 39.48),
      new Row("llama-1-65b", "llama-1", 65.0, 86.09, 43.43),
      new Row("llama-2-7b", "llama-2", 7.0, 77.74, 38.98),
      new Row("llama-2-13b", "llama-2", 13.0, 82.10, 37.40),
      new Row("llama-2-70b", "llama-2", 70.0, 87.30, 44.90));

  static List<ModelRecord> models() {
    return ROWS.stream().map(r -> TopologyFixture.base(r.model(), r.family(), r.paramsB()))
        .toList();
  }

  static List<ScoreRecord> scores() {
    List<ScoreRecord> out = new ArrayList<>();
    for (Row r : ROWS) {
      out.add(TopologyFixture.score("primary", r.model(), "hellaswag", r.hs()));
      out.add(TopologyFixture.score("primary", r.model(), "truthfulqa", r.tqa()));
    }
    return out;
  }

  static List<BaseModelPoint> points() {
    return ROWS.stream()
        .map(r -> BaseModelPoint.of(r.model(), r.family(), r.paramsB(), r.hs(), r.tqa()))
        .toList();
  }
}
