package io.phasewatch.core.base;

import io.phasewatch.core.stats.LinearFit;
import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.QuadraticFit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Point estimates of the critical scale N_c (METHOD.md §1.4); the bootstrap interval is {@link
 * NcBootstrap}. Sizes are reported in billions; fits run on x = log10 N with N in parameters.
 */
public final class CriticalScale {
  /** Fewest distinct sizes for a per-family vertex estimate (§1.4). */
  public static final int DEFAULT_FAMILY_MIN_SIZES = 4;

  private CriticalScale() {}

  /** The quadratic fit B2 = a·x² + b·x + c, its vertex x = −b/2a and N_c = 10^x in billions. */
  public record VertexEstimate(QuadraticFit fit, double vertexX, double ncB) {}

  /** The γ12-against-x line, how many intervals it rests on, and where it crosses zero. */
  public record GammaZeroCrossing(LinearFit fit, int intervals, double zeroX, double ncB) {}

  /** The consecutive sizes between which a family's γ12 turns from negative to positive. */
  public record CrossingInterval(
      String fromModel, String toModel, double fromGamma12, double toGamma12) {}

  /**
   * §1.4: least-squares B2 = a·x² + b·x + c over the panel; N_c = 10^(−b/2a), defined only for a
   * valley (a &gt; 0). On the §1.4 14-model table: 4.532x² − 86.42x + 447.8, N_c = 3.43B.
   */
  public static Outcome<VertexEstimate> quadraticVertex(List<ModelPoint> panel) {
    List<ModelPoint> sorted = ModelPoint.sortedBySize(panel);
    double[] x = sorted.stream().mapToDouble(ModelPoint::x).toArray();
    double[] y = sorted.stream().mapToDouble(ModelPoint::b2).toArray();
    return QuadraticFit.fit(x, y).flatMap(fit -> fit.valleyX().flatMap(vx -> {
      double nc = LogScale.billions(vx);
      return Double.isFinite(nc)
          ? Outcome.of(new VertexEstimate(fit, vx, nc))
          : Outcome.undefined("the vertex lies outside any representable size");
    }));
  }

  /**
   * §1.4, per family: the same vertex on the family's own models, when it has at least {@code
   * minSizes} distinct sizes (default 4).
   */
  public static Outcome<VertexEstimate> familyVertex(List<ModelPoint> family, int minSizes) {
    long sizes = family.stream().mapToDouble(ModelPoint::paramsB).distinct().count();
    if (sizes < minSizes) {
      return Outcome.undefined("fewer than " + minSizes + " sizes (" + sizes + ")");
    }
    return quadraticVertex(family);
  }

  /**
   * §1.4's second estimator, as CAPE's released {@code bootstrap_Nc.py} computes it: sort the
   * whole panel by size (ties by model name) as one sequence, take γ12 of each consecutive pair
   * with |ΔB1| above the minimum, place it at the interval's midpoint x = (x_{i−1} + x_i)/2, fit
   * γ12 = slope·x + intercept by least squares, and take the zero crossing x = −intercept/slope.
   * On the §1.4 table this gives 4.73B from 12 intervals. Undefined below 3 intervals or for a
   * flat line.
   */
  public static Outcome<GammaZeroCrossing> gammaZeroCrossing(
      List<ModelPoint> panel, double minAbsDeltaB1) {
    return gammaZeroCrossing(LocalCoupling.intervals(panel, minAbsDeltaB1));
  }

  /**
   * The zero crossing of γ12 fitted linearly against the intervals' midpoint x; the intervals may
   * come from one sequence ({@link #gammaZeroCrossing(List, double)}) or be gathered family by
   * family. Intervals without γ12 are left out.
   */
  public static Outcome<GammaZeroCrossing> gammaZeroCrossing(List<LocalCoupling.Interval> intervals) {
    List<LocalCoupling.Interval> usable = intervals.stream()
        .filter(i -> i.gamma12().isDefined())
        .sorted(Comparator.comparingDouble(LocalCoupling.Interval::xMid)
            .thenComparingDouble(i -> i.gamma12().value()))
        .toList();
    if (usable.size() < 3) {
      return Outcome.undefined("fewer than 3 intervals with a γ12 (" + usable.size() + ")");
    }
    double[] x = usable.stream().mapToDouble(LocalCoupling.Interval::xMid).toArray();
    double[] g = usable.stream().mapToDouble(i -> i.gamma12().value()).toArray();
    return LinearFit.fit(x, g).flatMap(fit -> {
      if (fit.slope() == 0) {
        return Outcome.undefined("γ12 does not change with scale (slope 0): no zero crossing");
      }
      double zeroX = -fit.intercept() / fit.slope();
      double nc = LogScale.billions(zeroX);
      if (!Double.isFinite(nc) || nc == 0) {
        return Outcome.undefined(String.format(Locale.ROOT,
            "the zero crossing x = %.3g lies outside any representable size", zeroX));
      }
      return Outcome.of(new GammaZeroCrossing(fit, usable.size(), zeroX, nc));
    });
  }

  /**
   * §1.4, per family: the interval in which the family crosses N_c, i.e. the last pair of
   * consecutive sizes carrying a γ12 (models whose step was too small to divide by are passed
   * over) where γ12 turns from negative (tax side) to positive (bonus side). A turn the other way
   * is a peak, not a crossing. Undefined when no such turn exists.
   */
  public static Outcome<CrossingInterval> crossingInterval(
      List<ModelPoint> family, double minAbsDeltaB1) {
    List<LocalCoupling.ModelCoupling> withGamma = new ArrayList<>();
    for (LocalCoupling.ModelCoupling m :
        LocalCoupling.perModel(family, minAbsDeltaB1, PhaseRule.defaults())) {
      if (m.gamma12().isDefined()) {
        withGamma.add(m);
      }
    }
    if (withGamma.size() < 2) {
      return Outcome.undefined("fewer than 2 sizes carry a γ12 (" + withGamma.size() + ")");
    }
    for (int i = withGamma.size() - 1; i >= 1; i--) {
      double before = withGamma.get(i - 1).gamma12().value();
      double after = withGamma.get(i).gamma12().value();
      if (before < 0 && after > 0) {
        return Outcome.of(new CrossingInterval(withGamma.get(i - 1).point().model(),
            withGamma.get(i).point().model(), before, after));
      }
    }
    return Outcome.undefined("γ12 never turns from negative to positive between consecutive sizes");
  }
}
