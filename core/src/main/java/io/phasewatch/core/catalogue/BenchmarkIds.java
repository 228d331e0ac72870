package io.phasewatch.core.catalogue;

/** Canonical benchmark ids of the standard catalogue: the {@code benchmark} of a score record. */
public final class BenchmarkIds {
  public static final String HELLASWAG = "hellaswag";
  public static final String TRUTHFULQA = "truthfulqa";
  public static final String ARC = "arc";
  public static final String WINOGRANDE = "winogrande";
  public static final String MMLU = "mmlu";
  public static final String GSM8K = "gsm8k";
  public static final String SWE_BENCH_VERIFIED = "swe_bench_verified";
  public static final String GPQA_DIAMOND = "gpqa_diamond";
  public static final String HLE = "hle";
  public static final String IFEVAL = "ifeval";
  public static final String BBH = "bbh";
  public static final String MATH_LVL5 = "math_lvl5";
  /** The full GPQA of the Open LLM Leaderboard v2: not {@link #GPQA_DIAMOND}. */
  public static final String GPQA = "gpqa";
  public static final String MUSR = "musr";
  public static final String MMLU_PRO = "mmlu_pro";

  private BenchmarkIds() {}
}
