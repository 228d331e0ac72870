package io.phasewatch.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.domain.Scale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BenchmarkCatalogueTest {

  private final BenchmarkCatalogue catalogue = BenchmarkCatalogue.standard();

  static Stream<Arguments> labelsRealFeedsUse() {
    return Stream.of(
        // Open LLM Leaderboard v1: display names, CSV columns, harness keys
        Arguments.of("HellaSwag (10-Shot)", "hellaswag"),
        Arguments.of("hellaswag", "hellaswag"),
        Arguments.of("harness|hellaswag|10", "hellaswag"),
        Arguments.of("TruthfulQA", "truthfulqa"),
        Arguments.of("TruthfulQA (0-shot)", "truthfulqa"),
        Arguments.of("truthfulqa_mc2", "truthfulqa"),
        Arguments.of("harness|truthfulqa:mc|0", "truthfulqa"),
        Arguments.of("ARC (25-Shot)", "arc"),
        Arguments.of("arc_challenge", "arc"),
        Arguments.of("harness|arc:challenge|25", "arc"),
        Arguments.of("arc-c", "arc"),
        Arguments.of("AI2 Reasoning Challenge (ARC)", "arc"),
        Arguments.of("Winogrande (5-shot)", "winogrande"),
        Arguments.of("harness|winogrande|5", "winogrande"),
        Arguments.of("MMLU (5-Shot)", "mmlu"),
        Arguments.of("hendrycksTest", "mmlu"),
        Arguments.of("harness|hendrycksTest-*|5", "mmlu"),
        Arguments.of("harness|hendrycksTest-abstract_algebra|5", "mmlu"),
        Arguments.of("harness|hendrycksTest-us_foreign_policy|5", "mmlu"),
        Arguments.of("GSM8K (5-shot)", "gsm8k"),
        Arguments.of("harness|gsm8k|5", "gsm8k"),
        Arguments.of("GSM8k", "gsm8k"),
        // frontier feeds: Epoch file names, the matrix ids, LLM-Stats ids and names
        Arguments.of("SWE-bench Verified", "swe_bench_verified"),
        Arguments.of("swe_bench_verified", "swe_bench_verified"),
        Arguments.of("swe-bench-verified", "swe_bench_verified"),
        Arguments.of("SWE-Bench Verified", "swe_bench_verified"),
        Arguments.of("GPQA diamond", "gpqa_diamond"),
        Arguments.of("gpqa_diamond", "gpqa_diamond"),
        Arguments.of("HLE", "hle"),
        Arguments.of("hle", "hle"),
        Arguments.of("Humanity's Last Exam", "hle"),
        Arguments.of("Humanity\u2019s Last Exam", "hle"),
        Arguments.of("hle_external", "hle"),
        Arguments.of("humanity's-last-exam", "hle"),
        Arguments.of("HLE (Humanity's Last Exam)", "hle"),
        // Open LLM Leaderboard v2: display names, v2 table names, harness task names
        Arguments.of("IFEval", "ifeval"),
        Arguments.of("IFEval (0-Shot)", "ifeval"),
        Arguments.of("leaderboard_ifeval", "ifeval"),
        Arguments.of("BBH", "bbh"),
        Arguments.of("BBH (3-Shot)", "bbh"),
        Arguments.of("BIG-Bench Hard", "bbh"),
        Arguments.of("MATH Lvl 5", "math_lvl5"),
        Arguments.of("MATH Lvl 5 (4-Shot)", "math_lvl5"),
        Arguments.of("MATH Level 5", "math_lvl5"),
        Arguments.of("math_lvl5", "math_lvl5"),
        Arguments.of("leaderboard_math_hard", "math_lvl5"),
        Arguments.of("GPQA", "gpqa"),
        Arguments.of("GPQA (0-shot)", "gpqa"),
        Arguments.of("MuSR", "musr"),
        Arguments.of("MUSR", "musr"),
        Arguments.of("MuSR (0-shot)", "musr"),
        Arguments.of("MMLU-PRO", "mmlu_pro"),
        Arguments.of("MMLU-PRO (5-shot)", "mmlu_pro"),
        Arguments.of("mmlu_pro", "mmlu_pro"),
        Arguments.of("mmlu-pro", "mmlu_pro"),
        Arguments.of("MMLU-Pro", "mmlu_pro"),
        // case, spacing and punctuation do not matter
        Arguments.of("  HELLASWAG  ", "hellaswag"),
        Arguments.of("Swe Bench Verified", "swe_bench_verified"),
        Arguments.of("gpqa-diamond", "gpqa_diamond"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("labelsRealFeedsUse")
  void resolvesLabelsRealFeedsUseToTheCanonicalId(String label, String id) {
    assertThat(catalogue.resolve(label)).map(Benchmark::id).contains(id);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {
      "", "   ", "5-shot", "harness||5",
      "MATH", "MATH-500", "SWE-bench", "SWE-bench Verified (Agentless)", "swe-bench-multilingual",
      "arc_easy", "ARC-E", "ARC-AGI", "arc-agi-v2", "truthfulqa_mc1", "MMLU-Redux", "MMLU-STEM",
      "cmmlu", "mmmlu", "GPQA Biology", "SuperGPQA", "leaderboard_gpqa_diamond", "hellaswagx",
      "BIG-Bench", "humaneval", "DROP (3-shot)"})
  void doesNotResolveOtherBenchmarks(String label) {
    assertThat(catalogue.resolve(label)).isEmpty();
  }

  @Test
  void nullResolvesToNothing() {
    assertThat(catalogue.resolve(null)).isEmpty();
    assertThat(catalogue.byId(null)).isEmpty();
    assertThat(catalogue.isCanonical(null)).isFalse();
  }

  @Test
  void gpqaFullAndGpqaDiamondAreDistinctBenchmarks() {
    assertThat(catalogue.resolve("GPQA")).map(Benchmark::id).contains("gpqa");
    assertThat(catalogue.resolve("GPQA Diamond")).map(Benchmark::id).contains("gpqa_diamond");
    assertThat(catalogue.byId("gpqa").orElseThrow().scale()).isEqualTo(Scale.FRACTION);
    assertThat(catalogue.byId("gpqa_diamond").orElseThrow().scale()).isEqualTo(Scale.PERCENT);
  }

  @Test
  void holdsExactlyTheFifteenCanonicalIds() {
    assertThat(catalogue.all()).extracting(Benchmark::id).containsExactly(
        "hellaswag", "truthfulqa", "arc", "winogrande", "mmlu", "gsm8k", "swe_bench_verified",
        "gpqa_diamond", "hle", "ifeval", "bbh", "math_lvl5", "gpqa", "musr", "mmlu_pro");
    for (Benchmark b : catalogue.all()) {
      assertThat(b.id()).matches("[a-z0-9]+(_[a-z0-9]+)*");
      assertThat(catalogue.resolve(b.id())).contains(b);
      assertThat(catalogue.resolve(b.displayName())).contains(b);
      assertThat(catalogue.isCanonical(b.id())).isTrue();
    }
  }

  @Test
  void byIdIsExactAndDoesNotMatchAliases() {
    assertThat(catalogue.byId("hellaswag")).isPresent();
    assertThat(catalogue.byId("HellaSwag")).isEmpty();
    assertThat(catalogue.isCanonical("swe-bench-verified")).isFalse();
  }

  @Test
  void describesTheBasePairAsTheV1LeaderboardRanIt() {
    Benchmark hs = catalogue.byId("hellaswag").orElseThrow();
    assertThat(hs.role()).isEqualTo(BenchmarkRole.COMMONSENSE);
    assertThat(hs.metric()).isEqualTo("acc_norm");
    assertThat(hs.nShot()).isEqualTo(OptionalInt.of(10));
    assertThat(hs.chancePercent()).isEqualTo(25.0);
    Benchmark tqa = catalogue.byId("truthfulqa").orElseThrow();
    assertThat(tqa.role()).isEqualTo(BenchmarkRole.TRUTHFULNESS);
    assertThat(tqa.metric()).isEqualTo("mc2");
    assertThat(tqa.nShot()).isEqualTo(OptionalInt.of(0));
    assertThat(catalogue.byId("winogrande").orElseThrow().chancePercent()).isEqualTo(50.0);
    assertThat(catalogue.byId("arc").orElseThrow().nShot()).isEqualTo(OptionalInt.of(25));
    assertThat(catalogue.byId("swe_bench_verified").orElseThrow().role())
        .isEqualTo(BenchmarkRole.CODING);
    assertThat(catalogue.byId("swe_bench_verified").orElseThrow().nShot()).isEmpty();
  }

  @Test
  void chanceLevelsOfTheV2BenchmarksWithSubtasksAreTheMeanGuessRateOverSubtasks() {
    // MuSR: murder mysteries 2 choices, object placements 5, team allocation 3
    assertThat(catalogue.byId("musr").orElseThrow().chancePercent())
        .isCloseTo(100.0 * (1 / 2.0 + 1 / 5.0 + 1 / 3.0) / 3, within(0.005));
    // BBH: choices per subtask of the 24 the v2 leaderboard runs
    int[] choices = {2, 2, 6, 3, 2, 11, 2, 5, 7, 3, 6, 2, 19, 5, 18, 6, 6, 2, 2, 4, 5, 7, 3, 2};
    double mean = 0;
    for (int k : choices) {
      mean += 100.0 / k / choices.length;
    }
    assertThat(catalogue.byId("bbh").orElseThrow().chancePercent()).isCloseTo(mean, within(0.005));
  }

  /**
   * The v2 leaderboard's normalised score of a task without subtasks is {@code max(0, raw −
   * chance) / (1 − chance)}: the published figures pin the chance levels of the catalogue.
   */
  @Test
  void chanceLevelsReproduceTheV2LeaderboardsNormalisedScores() throws IOException {
    Map<String, String> columns = Map.of("ifeval", "ifeval", "math_lvl5", "math",
        "gpqa", "gpqa", "mmlu_pro", "mmlu_pro");
    List<Map<String, String>> rows = readFixture("/fixtures/openllm_v2_sample.csv");
    assertThat(rows).hasSize(5);
    for (Map<String, String> row : rows) {
      for (Map.Entry<String, String> e : columns.entrySet()) {
        Benchmark b = catalogue.byId(e.getKey()).orElseThrow();
        double raw = Double.parseDouble(row.get("evaluations_" + e.getValue() + "_value"));
        double published =
            Double.parseDouble(row.get("evaluations_" + e.getValue() + "_normalized_score"));
        double chance = b.chancePercent() / 100.0;
        double normalised = Math.max(0.0, raw - chance) / (1.0 - chance) * 100.0;
        assertThat(b.scale()).isEqualTo(Scale.FRACTION);
        assertThat(normalised).as("%s of %s", b.id(), row.get("model_name"))
            .isCloseTo(published, within(1e-9));
      }
    }
  }

  @Test
  void readsTheShotCountALabelStates() {
    assertThat(BenchmarkCatalogue.shotsIn("HellaSwag (10-Shot)")).isEqualTo(OptionalInt.of(10));
    assertThat(BenchmarkCatalogue.shotsIn("harness|arc:challenge|25"))
        .isEqualTo(OptionalInt.of(25));
    assertThat(BenchmarkCatalogue.shotsIn("MATH Lvl 5 (4-Shot)")).isEqualTo(OptionalInt.of(4));
    assertThat(BenchmarkCatalogue.shotsIn("TruthfulQA (0-shot)")).isEqualTo(OptionalInt.of(0));
    assertThat(BenchmarkCatalogue.shotsIn("gsm8k_5shot")).isEqualTo(OptionalInt.of(5));
    assertThat(BenchmarkCatalogue.shotsIn("MATH Lvl 5")).isEmpty();
    assertThat(BenchmarkCatalogue.shotsIn("GSM8K")).isEmpty();
    assertThat(BenchmarkCatalogue.shotsIn("harness|gsm8k|x")).isEmpty();
    assertThat(BenchmarkCatalogue.shotsIn(null)).isEmpty();
  }

  @Test
  void defaultPairsAreThoseOfMethodSectionsOneAndThree() {
    assertThat(BenchmarkPair.BASE.b1()).isEqualTo("hellaswag");
    assertThat(BenchmarkPair.BASE.b2()).isEqualTo("truthfulqa");
    assertThat(BenchmarkPair.FRONTIER.b1()).isEqualTo("swe_bench_verified");
    assertThat(BenchmarkPair.FRONTIER.b2()).isEqualTo("gpqa_diamond");
    assertThat(BenchmarkPair.BASE.allAxes())
        .containsExactly("hellaswag", "truthfulqa", "arc", "winogrande", "mmlu", "gsm8k");
    assertThat(BenchmarkPair.FRONTIER.allAxes())
        .containsExactly("swe_bench_verified", "gpqa_diamond", "hle", "ifeval");
    for (BenchmarkPair pair : List.of(BenchmarkPair.BASE, BenchmarkPair.FRONTIER)) {
      assertThat(pair.allAxes()).allMatch(catalogue::isCanonical);
    }
  }

  @Test
  void refusesACatalogueWhereTwoBenchmarksShareAnAlias() {
    Benchmark a = new Benchmark("a", "A", BenchmarkRole.MATH, Scale.PERCENT, 0, "acc",
        OptionalInt.empty(), List.of("Shared Name"));
    Benchmark b = new Benchmark("b", "B", BenchmarkRole.MATH, Scale.PERCENT, 0, "acc",
        OptionalInt.empty(), List.of("shared_name"));
    assertThatThrownBy(() -> BenchmarkCatalogue.of(List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("collides with a");
    assertThatThrownBy(() -> BenchmarkCatalogue.of(List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate benchmark id a");
  }

  @Test
  void longestPrefixAliasWins() {
    Benchmark broad = new Benchmark("broad", "Broad", BenchmarkRole.KNOWLEDGE, Scale.PERCENT, 0,
        "acc", OptionalInt.empty(), List.of("suite-*"));
    Benchmark narrow = new Benchmark("narrow", "Narrow", BenchmarkRole.KNOWLEDGE, Scale.PERCENT,
        0, "acc", OptionalInt.empty(), List.of("suite-hard-*"));
    BenchmarkCatalogue c = BenchmarkCatalogue.of(List.of(broad, narrow));
    assertThat(c.resolve("suite-easy-1")).map(Benchmark::id).contains("broad");
    assertThat(c.resolve("suite_hard_1")).map(Benchmark::id).contains("narrow");
  }

  private static List<Map<String, String>> readFixture(String resource) throws IOException {
    try (InputStream in = Objects.requireNonNull(
            BenchmarkCatalogueTest.class.getResourceAsStream(resource), resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
          .toList();
      String[] header = lines.get(0).split(",");
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
