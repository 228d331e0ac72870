package io.phasewatch.core.catalogue;

import static io.phasewatch.core.catalogue.BenchmarkIds.ARC;
import static io.phasewatch.core.catalogue.BenchmarkIds.BBH;
import static io.phasewatch.core.catalogue.BenchmarkIds.GPQA;
import static io.phasewatch.core.catalogue.BenchmarkIds.GPQA_DIAMOND;
import static io.phasewatch.core.catalogue.BenchmarkIds.GSM8K;
import static io.phasewatch.core.catalogue.BenchmarkIds.HELLASWAG;
import static io.phasewatch.core.catalogue.BenchmarkIds.HLE;
import static io.phasewatch.core.catalogue.BenchmarkIds.IFEVAL;
import static io.phasewatch.core.catalogue.BenchmarkIds.MATH_LVL5;
import static io.phasewatch.core.catalogue.BenchmarkIds.MMLU;
import static io.phasewatch.core.catalogue.BenchmarkIds.MMLU_PRO;
import static io.phasewatch.core.catalogue.BenchmarkIds.MUSR;
import static io.phasewatch.core.catalogue.BenchmarkIds.SWE_BENCH_VERIFIED;
import static io.phasewatch.core.catalogue.BenchmarkIds.TRUTHFULQA;
import static io.phasewatch.core.catalogue.BenchmarkIds.WINOGRANDE;

import io.phasewatch.core.domain.Scale;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks phasewatch knows, and the resolution of a feed's label to one of them.
 *
 * <p>A label matches an alias when both agree after: taking the task of a harness key ({@code
 * harness|arc:challenge|25} → {@code arc:challenge}), dropping a trailing shot count ({@code
 * HellaSwag (10-Shot)} → {@code HellaSwag}), lower-casing, and dropping everything but letters
 * and digits. Distinct benchmarks stay distinct: GPQA Diamond is not GPQA, MMLU-Pro is not MMLU,
 * MATH Lvl 5 is not MATH, SWE-bench Verified is not SWE-bench, ARC-Easy and ARC-AGI are not ARC,
 * TruthfulQA MC1 is not the MC2 the leaderboards publish.
 */
public final class BenchmarkCatalogue {

  private static final Pattern SHOTS_SUFFIX =
      Pattern.compile("(?i)[\\s_(\\[-]*(\\d+)\\s*[-_ ]?\\s*shots?\\s*[)\\]]?\\s*$");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]");

  private static final BenchmarkCatalogue STANDARD = of(List.of(
      new Benchmark(HELLASWAG, "HellaSwag", BenchmarkRole.COMMONSENSE, Scale.PERCENT, 25.0,
          "acc_norm", OptionalInt.of(10), List.of("HellaSwag")),
      new Benchmark(TRUTHFULQA, "TruthfulQA", BenchmarkRole.TRUTHFULNESS, Scale.PERCENT, 25.0,
          "mc2", OptionalInt.of(0),
          List.of("TruthfulQA", "truthfulqa_mc2", "truthfulqa:mc", "truthfulqa_mc")),
      new Benchmark(ARC, "ARC-Challenge", BenchmarkRole.REASONING, Scale.PERCENT, 25.0,
          "acc_norm", OptionalInt.of(25),
          List.of("ARC", "arc_challenge", "arc:challenge", "ARC-C", "AI2 Reasoning Challenge",
              "AI2 Reasoning Challenge (ARC)")),
      new Benchmark(WINOGRANDE, "WinoGrande", BenchmarkRole.COMMONSENSE, Scale.PERCENT, 50.0,
          "acc", OptionalInt.of(5), List.of("Winogrande")),
      new Benchmark(MMLU, "MMLU", BenchmarkRole.KNOWLEDGE, Scale.PERCENT, 25.0, "acc",
          OptionalInt.of(5),
          List.of("MMLU", "hendrycksTest", "hendrycksTest-*",
              "Massive Multitask Language Understanding")),
      new Benchmark(GSM8K, "GSM8K", BenchmarkRole.MATH, Scale.PERCENT, 0.0, "exact_match",
          OptionalInt.of(5), List.of("GSM8K", "GSM-8K")),
      new Benchmark(SWE_BENCH_VERIFIED, "SWE-bench Verified", BenchmarkRole.CODING,
          Scale.PERCENT, 0.0, "resolved", OptionalInt.empty(),
          List.of("SWE-bench Verified", "swe-bench-verified", "swebench_verified")),
      new Benchmark(GPQA_DIAMOND, "GPQA Diamond", BenchmarkRole.REASONING, Scale.PERCENT, 25.0,
          "accuracy", OptionalInt.empty(), List.of("GPQA Diamond", "gpqa-diamond")),
      // free-form answers dominate HLE; its multiple-choice share gives a guessing floor of a
      // few percent at most, below what separates releases
      new Benchmark(HLE, "Humanity's Last Exam", BenchmarkRole.REASONING, Scale.PERCENT, 0.0,
          "accuracy", OptionalInt.empty(),
          List.of("HLE", "Humanity's Last Exam", "hle_external", "humanity's-last-exam",
              "HLE (Humanity's Last Exam)")),
      // the six v2 benchmarks: raw accuracy as a fraction, as the harness and the v2 table
      // publish it; the leaderboard's 0–100 figure is a baseline-normalised score, another
      // quantity
      new Benchmark(IFEVAL, "IFEval", BenchmarkRole.INSTRUCTION_FOLLOWING, Scale.FRACTION, 0.0,
          "strict_acc", OptionalInt.of(0), List.of("IFEval", "leaderboard_ifeval")),
      // mean over the 24 subtasks of 1 / choices (2 to 19 choices)
      new Benchmark(BBH, "BBH", BenchmarkRole.REASONING, Scale.FRACTION, 29.17, "acc_norm",
          OptionalInt.of(3),
          List.of("BBH", "BIG-Bench Hard", "big_bench_hard", "leaderboard_bbh")),
      new Benchmark(MATH_LVL5, "MATH Lvl 5", BenchmarkRole.MATH, Scale.FRACTION, 0.0,
          "exact_match", OptionalInt.of(4),
          List.of("MATH Lvl 5", "MATH Level 5", "math_hard", "leaderboard_math_hard")),
      new Benchmark(GPQA, "GPQA", BenchmarkRole.REASONING, Scale.FRACTION, 25.0, "acc_norm",
          OptionalInt.of(0), List.of("GPQA", "leaderboard_gpqa")),
      // mean of the three subtasks' 1 / choices: murder mysteries 2, object placements 5,
      // team allocation 3
      new Benchmark(MUSR, "MuSR", BenchmarkRole.REASONING, Scale.FRACTION, 34.44, "acc_norm",
          OptionalInt.of(0), List.of("MuSR", "leaderboard_musr")),
      new Benchmark(MMLU_PRO, "MMLU-PRO", BenchmarkRole.KNOWLEDGE, Scale.FRACTION, 10.0, "acc",
          OptionalInt.of(5), List.of("MMLU-PRO", "MMLU Pro", "leaderboard_mmlu_pro"))));

  private final List<Benchmark> benchmarks;
  private final Map<String, Benchmark> byId;
  private final Map<String, Benchmark> byKey;
  private final Map<String, Benchmark> byPrefix;

  private BenchmarkCatalogue(List<Benchmark> benchmarks) {
    this.benchmarks = List.copyOf(benchmarks);
    Map<String, Benchmark> ids = new LinkedHashMap<>();
    Map<String, Benchmark> keys = new LinkedHashMap<>();
    Map<String, Benchmark> prefixes = new LinkedHashMap<>();
    for (Benchmark b : this.benchmarks) {
      if (ids.put(b.id(), b) != null) {
        throw new IllegalArgumentException("duplicate benchmark id " + b.id());
      }
      List<String> labels = new ArrayList<>(List.of(b.id(), b.displayName()));
      labels.addAll(b.aliases());
      for (String label : labels) {
        boolean prefix = label.endsWith("*");
        String key = key(prefix ? label.substring(0, label.length() - 1) : label);
        claim(keys, key, b, label);
        if (prefix) {
          claim(prefixes, key, b, label);
        }
      }
    }
    this.byId = Map.copyOf(ids);
    this.byKey = Map.copyOf(keys);
    this.byPrefix = Map.copyOf(prefixes);
  }

  private static void claim(Map<String, Benchmark> map, String key, Benchmark b, String label) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("alias '" + label + "' of " + b.id() + " is empty");
    }
    Benchmark previous = map.putIfAbsent(key, b);
    if (previous != null && !previous.id().equals(b.id())) {
      throw new IllegalArgumentException("alias '" + label + "' of " + b.id()
          + " collides with " + previous.id());
    }
  }

  /** The catalogue of METHOD.md's benchmarks and the Open LLM Leaderboard v1 and v2. */
  public static BenchmarkCatalogue standard() {
    return STANDARD;
  }

  /**
   * A catalogue of {@code benchmarks}; throws {@link IllegalArgumentException} when two of them
   * share an id or an alias (a configuration error, not data).
   */
  public static BenchmarkCatalogue of(Collection<Benchmark> benchmarks) {
    return new BenchmarkCatalogue(List.copyOf(benchmarks));
  }

  /** The benchmark a feed's label names, or empty when the label is unknown or blank. */
  public Optional<Benchmark> resolve(String alias) {
    if (alias == null) {
      return Optional.empty();
    }
    String key = key(alias);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Benchmark exact = byKey.get(key);
    if (exact != null) {
      return Optional.of(exact);
    }
    return byPrefix.entrySet().stream()
        .filter(e -> key.startsWith(e.getKey()))
        .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
        .map(Map.Entry::getValue);
  }

  /** The benchmark with exactly this canonical id (no alias matching). */
  public Optional<Benchmark> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  public boolean isCanonical(String id) {
    return id != null && byId.containsKey(id);
  }

  /** Every benchmark, in definition order. */
  public List<Benchmark> all() {
    return benchmarks;
  }

  /**
   * The shot count a label states, if any: the last field of a harness key ({@code
   * harness|hellaswag|10} → 10) or a trailing annotation ({@code MMLU (5-Shot)} → 5).
   */
  public static OptionalInt shotsIn(String label) {
    if (label == null) {
      return OptionalInt.empty();
    }
    String[] parts = label.split("\\|", -1);
    if (parts.length >= 3) {
      try {
        return OptionalInt.of(Integer.parseInt(parts[2].trim()));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    Matcher m = SHOTS_SUFFIX.matcher(label);
    if (m.find()) {
      try {
        return OptionalInt.of(Integer.parseInt(m.group(1)));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  /** The matching key of a label: task of a harness key, no shot suffix, lower-case alnum. */
  static String key(String label) {
    String task = label;
    String[] parts = label.split("\\|", -1);
    if (parts.length >= 2) {
      task = parts[1];
    }
    task = SHOTS_SUFFIX.matcher(task).replaceFirst("");
    return NOT_ALNUM.matcher(task.toLowerCase(Locale.ROOT)).replaceAll("");
  }
}
