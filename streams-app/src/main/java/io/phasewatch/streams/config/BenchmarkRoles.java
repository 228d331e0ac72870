package io.phasewatch.streams.config;

import java.util.List;
import java.util.Objects;

/**
 * Which catalogue benchmark plays which role (METHOD.md §1 and §3: the pair is configuration,
 * not code).
 *
 * @param baseB1 base-model "reasoning" axis (HellaSwag)
 * @param baseB2 base-model "truthfulness" axis (TruthfulQA mc2)
 * @param baseExtras extra base-model axes (ARC, WinoGrande, MMLU, GSM8K)
 * @param frontierB1 frontier coding axis (SWE-bench Verified)
 * @param frontierB2 frontier reasoning axis (GPQA Diamond)
 * @param frontierExtras candidate frontier axes (HLE, IFEval)
 */
public record BenchmarkRoles(String baseB1, String baseB2, List<String> baseExtras,
    String frontierB1, String frontierB2, List<String> frontierExtras) {
  public BenchmarkRoles {
    Objects.requireNonNull(baseB1, "baseB1");
    Objects.requireNonNull(baseB2, "baseB2");
    Objects.requireNonNull(frontierB1, "frontierB1");
    Objects.requireNonNull(frontierB2, "frontierB2");
    baseExtras = baseExtras == null ? List.of() : List.copyOf(baseExtras);
    frontierExtras = frontierExtras == null ? List.of() : List.copyOf(frontierExtras);
  }

  public static BenchmarkRoles defaults() {
    return new BenchmarkRoles("hellaswag", "truthfulqa",
        List.of("arc", "winogrande", "mmlu", "gsm8k"),
        "swe_bench_verified", "gpqa_diamond", List.of("hle", "ifeval"));
  }
}
