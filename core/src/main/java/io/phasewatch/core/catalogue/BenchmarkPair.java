package io.phasewatch.core.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which benchmarks play the two roles of a coupling analysis, plus the extra axes carried for
 * eigenstructure, the ODE and saturation. METHOD.md §1: "Which benchmark plays which role is
 * configuration, not code"; these are the defaults.
 *
 * @param name the pair's name in configuration and metrics
 * @param b1 catalogue id of B1
 * @param b2 catalogue id of B2
 * @param extraAxes catalogue ids of the extra axes
 */
public record BenchmarkPair(String name, String b1, String b2, List<String> extraAxes) {

  /**
   * The base-model pair, METHOD.md §1: B1 "reasoning" = HellaSwag, B2 "truthfulness" =
   * TruthfulQA; extra axes ARC, WinoGrande, MMLU, GSM8K.
   */
  public static final BenchmarkPair BASE = new BenchmarkPair("base", BenchmarkIds.HELLASWAG,
      BenchmarkIds.TRUTHFULQA, List.of(BenchmarkIds.ARC, BenchmarkIds.WINOGRANDE,
          BenchmarkIds.MMLU, BenchmarkIds.GSM8K));

  /**
   * The frontier pair, METHOD.md §3: B1 "coding" = SWE-bench Verified, B2 "reasoning" = GPQA
   * Diamond; extra axes HLE, IFEval.
   */
  public static final BenchmarkPair FRONTIER = new BenchmarkPair("frontier",
      BenchmarkIds.SWE_BENCH_VERIFIED, BenchmarkIds.GPQA_DIAMOND,
      List.of(BenchmarkIds.HLE, BenchmarkIds.IFEVAL));

  public BenchmarkPair {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(b1, "b1");
    Objects.requireNonNull(b2, "b2");
    extraAxes = extraAxes == null ? List.of() : List.copyOf(extraAxes);
  }

  /** B1, B2, then the extra axes. */
  public List<String> allAxes() {
    return Stream.concat(Stream.of(b1, b2), extraAxes.stream()).toList();
  }
}
