package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local coupling γ12 of a family and the phase it implies (METHOD.md §1.1, §1.2).
 *
 * <p>Models are sorted by size (then name). For each consecutive pair (i−1, i),
 * {@code γ12(i) = (B2_i − B2_{i−1}) / (B1_i − B1_{i−1})}, skipped when
 * {@code |ΔB1| ≤ minAbsDeltaB1} (default 0.5: too small a step to divide by). A model carries the
 * γ12 of the interval that ends at it; the smallest model has none.
 */
public final class LocalCoupling {
  /** METHOD.md §1.1's smallest |ΔB1| worth dividing by (percentage points). */
  public static final double DEFAULT_MIN_ABS_DELTA_B1 = 0.5;

  private LocalCoupling() {}

  /** One interval between consecutive sizes, with its γ12 or the reason it has none. */
  public record Interval(
      String fromModel, String toModel, double xFrom, double xTo, double deltaB1, double deltaB2,
      Outcome<Double> gamma12) {
    /** The interval's position on the scale axis: the midpoint of its two x = log10 N. */
    public double xMid() {
      return 0.5 * (xFrom + xTo);
    }
  }

  /** A model with the γ12 of the interval ending at it and the phase of that γ12. */
  public record ModelCoupling(ModelPoint point, Outcome<Double> gamma12, Outcome<Phase> phase) {}

  /** γ12 of the step from {@code previous} to {@code current} (§1.1). */
  public static Outcome<Double> gamma12(ModelPoint previous, ModelPoint current, double minAbsDeltaB1) {
    double dB1 = current.b1() - previous.b1();
    double dB2 = current.b2() - previous.b2();
    if (!Double.isFinite(dB1) || !Double.isFinite(dB2)) {
      return Outcome.undefined("a score is not finite");
    }
    if (Math.abs(dB1) <= minAbsDeltaB1) {
      return Outcome.undefined(String.format(Locale.ROOT,
          "|ΔB1| = %.2f from %s is not above %.2f: too small a step to divide by",
          Math.abs(dB1), previous.model(), minAbsDeltaB1));
    }
    return Outcome.of(dB2 / dB1);
  }

  /** The intervals between consecutive sizes of {@code models}, sorted by size (§1.1). */
  public static List<Interval> intervals(List<ModelPoint> models, double minAbsDeltaB1) {
    List<ModelPoint> sorted = ModelPoint.sortedBySize(models);
    List<Interval> out = new ArrayList<>(Math.max(0, sorted.size() - 1));
    for (int i = 1; i < sorted.size(); i++) {
      ModelPoint prev = sorted.get(i - 1);
      ModelPoint cur = sorted.get(i);
      out.add(new Interval(prev.model(), cur.model(), prev.x(), cur.x(),
          cur.b1() - prev.b1(), cur.b2() - prev.b2(), gamma12(prev, cur, minAbsDeltaB1)));
    }
    return List.copyOf(out);
  }

  /** Every model of a family, sorted by size, with its γ12 (§1.1) and phase (§1.2). */
  public static List<ModelCoupling> perModel(
      List<ModelPoint> family, double minAbsDeltaB1, PhaseRule rule) {
    List<ModelPoint> sorted = ModelPoint.sortedBySize(family);
    List<ModelCoupling> out = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Outcome<Double> g = i == 0
          ? Outcome.undefined("the smallest model of its family has no preceding interval")
          : gamma12(sorted.get(i - 1), sorted.get(i), minAbsDeltaB1);
      out.add(new ModelCoupling(sorted.get(i), g, g.map(rule::classify)));
    }
    return List.copyOf(out);
  }
}
