package io.phasewatch.core.base;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One base model as the §1 analysis sees it: its size in billions of parameters, its two axis
 * scores in percent (B1 "reasoning", B2 "truthfulness" by default; the pair is configuration,
 * METHOD.md §1) and, optionally, its width d_model (§1.5).
 */
public record ModelPoint(String model, double paramsB, double b1, double b2, OptionalInt dModel) {

  /**
   * Size first, then model name: the canonical order every function here sorts into. Names are
   * compared ignoring case first (model ids are case-insensitive: ingest lower-cases them, a CSV
   * keeps the vendor's spelling), so that the same models give the same bootstrap draws however
   * their ids are spelled.
   */
  public static final Comparator<ModelPoint> BY_SIZE =
      Comparator.comparingDouble(ModelPoint::paramsB)
          .thenComparing(ModelPoint::model, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(ModelPoint::model)
          .thenComparingDouble(ModelPoint::b1)
          .thenComparingDouble(ModelPoint::b2);

  public ModelPoint {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(dModel, "dModel");
  }

  public ModelPoint(String model, double paramsB, double b1, double b2) {
    this(model, paramsB, b1, b2, OptionalInt.empty());
  }

  /** x = log10(N) with N in parameters (not billions): 7B gives 9.845 (METHOD.md §1). */
  public double x() {
    return LogScale.x(paramsB);
  }

  static List<ModelPoint> sortedBySize(List<ModelPoint> models) {
    return models.stream().sorted(BY_SIZE).toList();
  }
}
