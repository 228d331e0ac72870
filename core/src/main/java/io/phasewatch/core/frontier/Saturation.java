package io.phasewatch.core.frontier;

import io.phasewatch.core.stats.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Saturation and activation of benchmark axes, METHOD.md §3.4: when the top releases no longer
 * differ on an axis, the leaderboard has stopped separating on it.
 */
public final class Saturation {
  private Saturation() {}

  /**
   * METHOD.md §3.4: spread = max − min of {@code axis} over the top k releases ranked by
   * {@code axis} (k = {@link FrontierConfig#saturationTopK()}), among releases scored on it.
   * Undefined when fewer than k releases are scored: a spread over fewer releases is smaller by
   * construction, and σ would compare unlike quantities. Ties at the k-th place do not matter,
   * since only the k largest values enter.
   */
  public static AxisSpread spread(List<Release> releases, String axis, FrontierConfig config) {
    double[] v = scores(releases, axis, config);
    int k = config.saturationTopK();
    if (v.length < k) {
      return new AxisSpread(axis, v.length, Outcome.undefined(
          "fewer than " + k + " releases scored on " + axis + " (n=" + v.length + ")"));
    }
    Arrays.sort(v);
    return new AxisSpread(axis, v.length, Outcome.of(v[v.length - 1] - v[v.length - k]));
  }

  /**
   * METHOD.md §3.4: {@code σ = spread(active) / spread(candidate)}, each over its own top k; σ
   * below {@link FrontierConfig#rotateBelowSigma()} means rotate. Undefined when either spread
   * is, or when the candidate's spread is zero.
   */
  public static SaturationPair sigma(
      List<Release> releases, String activeAxis, String candidateAxis, FrontierConfig config) {
    Outcome<Double> active = spread(releases, activeAxis, config).spread();
    Outcome<Double> candidate = spread(releases, candidateAxis, config).spread();
    Outcome<Double> sigma;
    if (!active.isDefined()) {
      sigma = Outcome.undefined(active.reason());
    } else if (!candidate.isDefined()) {
      sigma = Outcome.undefined(candidate.reason());
    } else if (candidate.value() == 0) {
      sigma = Outcome.undefined("the top " + config.saturationTopK() + " releases on "
          + candidateAxis + " share one score (spread 0)");
    } else {
      sigma = Outcome.of(active.value() / candidate.value());
    }
    return new SaturationPair(
        activeAxis, candidateAxis, sigma, sigma.map(s -> s < config.rotateBelowSigma()));
  }

  /**
   * σ for every ordered pair of distinct axes among {@link FrontierConfig#saturationAxes()} that
   * at least one release is scored on, in the configured axis order (METHOD.md §3.4).
   */
  public static List<SaturationPair> allPairs(List<Release> releases, FrontierConfig config) {
    List<String> axes = availableAxes(releases, config);
    List<SaturationPair> out = new ArrayList<>();
    for (String active : axes) {
      for (String candidate : axes) {
        if (!active.equals(candidate)) {
          out.add(sigma(releases, active, candidate, config));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * METHOD.md §3.4: the candidate is activating when r(active, candidate) exceeds
   * {@link FrontierConfig#activationMinR()} over at least
   * {@link FrontierConfig#activationMinModels()} releases scored on both.
   */
  public static AxisActivation activation(
      List<Release> releases, String activeAxis, String candidateAxis, FrontierConfig config) {
    List<double[]> pairs = new ArrayList<>();
    for (Release r : Orders.canonical(releases)) {
      OptionalDouble a = r.score(activeAxis, config);
      OptionalDouble c = r.score(candidateAxis, config);
      if (a.isPresent() && c.isPresent()) {
        pairs.add(new double[] {a.getAsDouble(), c.getAsDouble()});
      }
    }
    int n = pairs.size();
    double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
    Outcome<Double> r = Guards.pearson(x, y, activeAxis, candidateAxis);
    Outcome<Boolean> activating;
    if (n < config.activationMinModels()) {
      activating = Outcome.undefined("fewer than " + config.activationMinModels()
          + " releases scored on both " + activeAxis + " and " + candidateAxis + " (n=" + n + ")");
    } else {
      activating = r.map(v -> v > config.activationMinR());
    }
    return new AxisActivation(activeAxis, candidateAxis, n, r, activating);
  }

  /**
   * Activation of every available candidate axis (METHOD.md §3.4) against each active axis of the
   * pair (B1, then B2); candidates are the other available {@link FrontierConfig#saturationAxes()}.
   */
  public static List<AxisActivation> activations(List<Release> releases, FrontierConfig config) {
    List<String> axes = availableAxes(releases, config);
    List<AxisActivation> out = new ArrayList<>();
    for (String active : List.of(config.b1Axis(), config.b2Axis())) {
      for (String candidate : axes) {
        if (!candidate.equals(config.b1Axis()) && !candidate.equals(config.b2Axis())) {
          out.add(activation(releases, active, candidate, config));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The configured saturation axes that at least one release is scored on, in configured order. */
  static List<String> availableAxes(List<Release> releases, FrontierConfig config) {
    return config.saturationAxes().stream()
        .filter(axis -> releases.stream().anyMatch(r -> r.score(axis, config).isPresent()))
        .toList();
  }

  private static double[] scores(List<Release> releases, String axis, FrontierConfig config) {
    return releases.stream()
        .map(r -> r.score(axis, config))
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .toArray();
  }
}
