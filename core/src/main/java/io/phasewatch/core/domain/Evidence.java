package io.phasewatch.core.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an alert rests on, travelling with it (METHOD.md §2: "evidence (n, CI) travels with every
 * alert"), so a reader can judge it without re-running the analysis.
 *
 * @param values named figures, e.g. {@code gamma12_before}, {@code gamma12_after}, {@code r},
 *     {@code nc_median_b}; non-finite values are dropped (an undefined statistic is absent, not
 *     NaN), kept sorted by name
 * @param n how many models or releases the figures were computed on
 * @param ci the confidence or prediction interval of one of the {@code values}
 * @param window the release dates of a rolling window (METHOD.md §3.5)
 * @param contributingModels the models behind the figures and where each score came from,
 *     sorted by model id
 */
public record Evidence(
    Map<String, Double> values,
    OptionalInt n,
    Optional<Interval> ci,
    Optional<Window> window,
    List<Contributor> contributingModels) {

  /**
   * An interval around one figure.
   *
   * @param quantity the key in {@link Evidence#values()} the interval brackets
   * @param level coverage as a fraction, e.g. 0.95
   */
  public record Interval(String quantity, double level, double lo, double hi) {}

  /** The release dates a rolling window spans, both ends included. */
  public record Window(LocalDate from, LocalDate to) {}

  /**
   * A model behind the figures.
   *
   * @param model model id
   * @param sources benchmark id to the source (feed id) its resolved score came from, sorted by
   *     benchmark
   */
  public record Contributor(String model, Map<String, String> sources) {
    public Contributor {
      model = model == null ? "" : model;
      sources = Copies.sortedMap(sources);
    }

    /** The model of {@code profile}, with the sources of its scores on {@code benchmarks}. */
    public static Contributor of(ModelProfile profile, Collection<String> benchmarks) {
      SortedMap<String, String> sources = new TreeMap<>();
      for (String benchmark : benchmarks) {
        ResolvedScore score = profile.scores().get(benchmark);
        if (score != null) {
          sources.put(benchmark, score.source());
        }
      }
      return new Contributor(profile.model().modelId(), sources);
    }
  }

  public Evidence {
    SortedMap<String, Double> finite = new TreeMap<>(Copies.sortedMap(values));
    finite.values().removeIf(v -> !Double.isFinite(v));
    values = Copies.sortedMap(finite);
    n = n == null ? OptionalInt.empty() : n;
    ci = ci == null ? Optional.empty() : ci;
    window = window == null ? Optional.empty() : window;
    contributingModels = Copies.list(contributingModels).stream()
        .sorted(Comparator.comparing(Contributor::model)
            .thenComparing(c -> c.sources().toString()))
        .toList();
  }

  public static Evidence empty() {
    return new Evidence(Map.of(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
        List.of());
  }

  /** Figures computed on {@code n} models, with nothing else. */
  public static Evidence of(Map<String, Double> values, int n) {
    return new Evidence(values, OptionalInt.of(n), Optional.empty(), Optional.empty(), List.of());
  }

  public Evidence withCi(Interval interval) {
    return new Evidence(values, n, Optional.ofNullable(interval), window, contributingModels);
  }

  public Evidence withWindow(Window w) {
    return new Evidence(values, n, ci, Optional.ofNullable(w), contributingModels);
  }

  public Evidence withContributingModels(List<Contributor> models) {
    return new Evidence(values, n, ci, window, models);
  }
}
