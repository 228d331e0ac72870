package io.phasewatch.ingest.resolve;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Benchmark names as sources spell them → catalogue ids. Stands in until the shared benchmark
 * catalogue of {@code core} is available; {@link #resolver()} is the one function collectors'
 * names go through, so swapping it is one line.
 */
public final class BenchmarkNames {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("hellaswag", "hellaswag"),
      Map.entry("truthfulqa", "truthfulqa"),
      Map.entry("truthfulqa_mc2", "truthfulqa"),
      Map.entry("arc", "arc"),
      Map.entry("arc_challenge", "arc"),
      Map.entry("winogrande", "winogrande"),
      Map.entry("mmlu", "mmlu"),
      Map.entry("gsm8k", "gsm8k"),
      Map.entry("swe_bench_verified", "swe_bench_verified"),
      Map.entry("gpqa_diamond", "gpqa_diamond"),
      Map.entry("hle", "hle"),
      Map.entry("hle_external", "hle"),
      Map.entry("humanity_s_last_exam", "hle"),
      Map.entry("ifeval", "ifeval"),
      Map.entry("bbh", "bbh"),
      Map.entry("math_lvl5", "math_lvl5"),
      Map.entry("math_level_5", "math_lvl5"),
      Map.entry("gpqa", "gpqa"),
      Map.entry("musr", "musr"),
      Map.entry("mmlu_pro", "mmlu_pro"));

  private BenchmarkNames() {}

  /** Lower case, runs of anything but letters and digits as one underscore. */
  static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  public static Optional<String> resolve(String name) {
    return Optional.ofNullable(ALIASES.get(normalise(name)));
  }

  public static Function<String, Optional<String>> resolver() {
    return BenchmarkNames::resolve;
  }
}
