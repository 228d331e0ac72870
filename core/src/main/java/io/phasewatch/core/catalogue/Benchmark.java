package io.phasewatch.core.catalogue;

import io.phasewatch.core.domain.Scale;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One benchmark of the catalogue.
 *
 * @param id canonical id, snake_case (see {@link BenchmarkIds})
 * @param displayName the name people know it by
 * @param role what it measures
 * @param scale the scale its raw value is usually published on; a feed's own scale wins
 * @param chancePercent the score of random guessing, in percent (0 for free-form answers)
 * @param metric the standard metric (acc_norm, mc2, exact_match, …)
 * @param nShot the standard number of in-context examples, where there is one
 * @param aliases labels feeds use for it; matched ignoring case and punctuation, a trailing
 *     {@code *} makes a prefix ({@code hendrycksTest-*} covers every MMLU subject)
 */
public record Benchmark(
    String id,
    String displayName,
    BenchmarkRole role,
    Scale scale,
    double chancePercent,
    String metric,
    OptionalInt nShot,
    List<String> aliases) {

  public Benchmark {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(metric, "metric");
    nShot = nShot == null ? OptionalInt.empty() : nShot;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }
}
