package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Correlation decay of the cohort, METHOD.md §3.5: r(B1, B2) over time, in rolling windows and over
 * the expanding cohort, its level against the warning and falsification thresholds, and a Fisher-z
 * test of the latest window against the baseline window.
 *
 * <p>Time order is release date, ties broken by model id; releases without a date are left out.
 */
public final class CorrelationDecay {
  private CorrelationDecay() {}

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** The dated releases in release-date order, ties by model id (METHOD.md §3.5). */
  public static List<Release> inReleaseOrder(List<Release> releases) {
    return Orders.byReleaseDate(releases);
  }

  /**
   * METHOD.md §3.5: r over every full window of {@link FrontierConfig#rollingWindow()} consecutive
   * dated releases, oldest window first. Empty when there are fewer dated releases than one window.
   */
  public static List<CorrelationWindow> rolling(List<Release> releases, FrontierConfig config) {
    List<Release> ordered = inReleaseOrder(releases);
    int w = config.rollingWindow();
    List<CorrelationWindow> out = new ArrayList<>();
    for (int from = 0; from + w <= ordered.size(); from++) {
      out.add(window(ordered, from, from + w));
    }
    return List.copyOf(out);
  }

  /**
   * METHOD.md §3.5: r over the first m dated releases, for m from
   * {@link FrontierConfig#expandingMinN()} up to all of them.
   */
  public static List<CorrelationWindow> expanding(List<Release> releases, FrontierConfig config) {
    List<Release> ordered = inReleaseOrder(releases);
    List<CorrelationWindow> out = new ArrayList<>();
    for (int to = config.expandingMinN(); to <= ordered.size(); to++) {
      out.add(window(ordered, 0, to));
    }
    return List.copyOf(out);
  }

  /**
   * METHOD.md §3.5, Fisher z: {@code z = (atanh(r_latest) − atanh(r_baseline)) / se} with
   * {@code se = sqrt(1/(n_baseline − 3) + 1/(n_latest − 3))}, two-sided p = 2·Φ(−|z|), rejecting
   * "same r" when p < α. Undefined when a window has 3 or fewer releases or an r of ±1 (atanh is
   * infinite).
   */
  public static Outcome<FisherZTest> fisherZ(
      double rBaseline, int nBaseline, double rLatest, int nLatest, double alpha) {
    if (nBaseline <= 3 || nLatest <= 3) {
      return Outcome.undefined("Fisher z needs more than 3 releases per window (baseline n="
          + nBaseline + ", latest n=" + nLatest + ")");
    }
    if (!(Math.abs(rBaseline) < 1)) {
      return Outcome.undefined("the baseline window's r is " + rBaseline + "; atanh is infinite");
    }
    if (!(Math.abs(rLatest) < 1)) {
      return Outcome.undefined("the latest window's r is " + rLatest + "; atanh is infinite");
    }
    double se = Math.sqrt(1.0 / (nBaseline - 3) + 1.0 / (nLatest - 3));
    double z = (atanh(rLatest) - atanh(rBaseline)) / se;
    double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
    return Outcome.of(new FisherZTest(rBaseline, nBaseline, rLatest, nLatest, z, p, p < alpha));
  }

  /**
   * The level of an r against the thresholds of METHOD.md §3.5: BROKEN below
   * {@link FrontierConfig#brokenBelowR()} (0.3), DECAYED below
   * {@link FrontierConfig#decayedBelowR()} (0.5), otherwise OK.
   */
  public static CouplingLevel level(double r, FrontierConfig config) {
    if (r < config.brokenBelowR()) {
      return CouplingLevel.BROKEN;
    }
    if (r < config.decayedBelowR()) {
      return CouplingLevel.DECAYED;
    }
    return CouplingLevel.OK;
  }

  /**
   * The decay verdict of METHOD.md §3.5. The level comes from the latest full window's r
   * ({@link #level}); an OK r is raised to DECAYED when the Fisher-z test finds the latest window
   * significantly below the baseline window (the first full window) and the baseline window's B1
   * range is at least {@link FrontierConfig#minWindowB1RangePp()}. A significant rise is reported
   * in {@code fisher} but is not decay. The Fisher test needs two windows that do not overlap, so
   * at least twice {@link FrontierConfig#rollingWindow()} dated releases. No alert is raised while
   * the latest window's B1 range is below the minimum ({@code narrowB1Range}).
   */
  public static DecayAssessment assess(List<Release> releases, FrontierConfig config) {
    List<Release> ordered = inReleaseOrder(releases);
    int undated = releases.size() - ordered.size();
    List<CorrelationWindow> rolling = rolling(releases, config);
    List<CorrelationWindow> expanding = expanding(releases, config);
    int w = config.rollingWindow();

    Outcome<CorrelationWindow> baseline;
    Outcome<CorrelationWindow> latest;
    if (rolling.isEmpty()) {
      String reason = "fewer dated releases than one window (n=" + ordered.size() + " < " + w + ")";
      baseline = Outcome.undefined(reason);
      latest = Outcome.undefined(reason);
    } else {
      baseline = Outcome.of(rolling.get(0));
      latest = Outcome.of(rolling.get(rolling.size() - 1));
    }

    Outcome<FisherZTest> fisher;
    if (ordered.size() < 2 * w) {
      fisher = Outcome.undefined("the latest window overlaps the baseline window (needs "
          + (2 * w) + " dated releases, n=" + ordered.size() + ")");
    } else {
      CorrelationWindow b = baseline.value();
      CorrelationWindow l = latest.value();
      if (!b.r().isDefined()) {
        fisher = Outcome.undefined("baseline window: " + b.r().reason());
      } else if (!l.r().isDefined()) {
        fisher = Outcome.undefined("latest window: " + l.r().reason());
      } else {
        fisher = fisherZ(b.r().value(), b.n(), l.r().value(), l.n(), config.fisherAlpha());
      }
    }

    Outcome<CouplingLevel> level;
    if (!latest.isDefined()) {
      level = Outcome.undefined(latest.reason());
    } else if (!latest.value().r().isDefined()) {
      level = Outcome.undefined("latest window: " + latest.value().r().reason());
    } else {
      CouplingLevel byR = level(latest.value().r().value(), config);
      boolean fall = fisher.isDefined()
          && fisher.value().significantFall()
          && baseline.value().b1Range() >= config.minWindowB1RangePp();
      level = Outcome.of(byR == CouplingLevel.OK && fall ? CouplingLevel.DECAYED : byR);
    }

    boolean narrow = latest.isDefined() && latest.value().b1Range() < config.minWindowB1RangePp();
    boolean alert = level.isDefined() && level.value() != CouplingLevel.OK && !narrow;
    return new DecayAssessment(
        ordered.size(), undated, rolling, expanding, baseline, latest, fisher, level, narrow,
        alert);
  }

  private static CorrelationWindow window(List<Release> ordered, int from, int to) {
    List<Release> slice = ordered.subList(from, to);
    double[] x = Orders.b1(slice);
    double[] y = Orders.b2(slice);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    Release first = slice.get(0);
    Release last = slice.get(slice.size() - 1);
    return new CorrelationWindow(
        from,
        slice.size(),
        first.model(),
        first.releaseDate().orElseThrow(),
        last.model(),
        last.releaseDate().orElseThrow(),
        Guards.pearson(x, y, "B1", "B2"),
        min,
        max);
  }

  private static double atanh(double r) {
    return 0.5 * Math.log((1 + r) / (1 - r));
  }
}
