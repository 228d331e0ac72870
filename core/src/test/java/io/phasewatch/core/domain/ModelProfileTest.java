package io.phasewatch.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ModelProfileTest {

  private static final ModelRecord LLAMA = ModelRecord.of("meta-llama/Llama-2-7b-hf", "Llama-2");

  static ScoreRecord score(String source, String benchmark, double value, Scale scale,
      String evaluatedAt) {
    return new ScoreRecord(1, source, LLAMA.modelId(), benchmark, value, scale, Optional.empty(),
        OptionalInt.empty(), Optional.ofNullable(evaluatedAt).map(Instant::parse),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void theFirstSourceInPriorityWinsOverANewerEvaluation() {
    ModelProfile p = ModelProfile.resolve(LLAMA, List.of(
        score("cape", "truthfulqa", 38.98, Scale.PERCENT, "2023-01-01T00:00:00Z"),
        score("openllm_v1", "truthfulqa", 38.76, Scale.PERCENT, "2024-01-01T00:00:00Z")),
        List.of("cape", "openllm_v1"));
    assertThat(p.scores().get("truthfulqa"))
        .isEqualTo(new ResolvedScore(38.98, "cape",
            Optional.of(Instant.parse("2023-01-01T00:00:00Z"))));
  }

  @Test
  void withinOneRankTheLatestEvaluationWinsAndUndatedCountsAsOldest() {
    ModelProfile p = ModelProfile.resolve(LLAMA, List.of(
        score("epoch", "gpqa_diamond", 0.30, Scale.FRACTION, null),
        score("matrix", "gpqa_diamond", 31.0, Scale.PERCENT, "2025-03-01T00:00:00Z"),
        score("llmstats", "gpqa_diamond", 0.29, Scale.FRACTION, "2025-02-01T00:00:00Z")),
        List.of());
    assertThat(p.scores().get("gpqa_diamond").source()).isEqualTo("matrix");
    assertThat(p.percent("gpqa_diamond")).isEqualTo(OptionalDouble.of(31.0));
  }

  @Test
  void listedSourcesRankBeforeUnlistedOnes() {
    ModelProfile p = ModelProfile.resolve(LLAMA, List.of(
        score("unlisted", "hellaswag", 78.0, Scale.PERCENT, "2025-01-01T00:00:00Z"),
        score("openllm_v1", "hellaswag", 77.74, Scale.PERCENT, "2023-01-01T00:00:00Z")),
        List.of("cape", "openllm_v1"));
    assertThat(p.scores().get("hellaswag").source()).isEqualTo("openllm_v1");
  }

  @Test
  void fractionsAreResolvedToPercent() {
    ModelProfile p = ModelProfile.resolve(LLAMA,
        List.of(score("v2", "gpqa", 0.2718, Scale.FRACTION, null)), List.of());
    assertThat(p.percent("gpqa").getAsDouble()).isEqualTo(27.18, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void ignoresOtherModelsAndNonFiniteValues() {
    ScoreRecord other = ScoreRecord.of("s", "someone-else", "hellaswag", 90.0, Scale.PERCENT);
    ScoreRecord nan = score("s", "truthfulqa", Double.NaN, Scale.PERCENT, null);
    ModelProfile p = ModelProfile.resolve(LLAMA, List.of(other, nan), List.of());
    assertThat(p.scores()).isEmpty();
    assertThat(p.percent("hellaswag")).isEmpty();
  }

  @Test
  void hasAllTellsWhetherEveryAxisIsCovered() {
    ModelProfile p = ModelProfile.resolve(LLAMA, List.of(
        score("s", "hellaswag", 77.74, Scale.PERCENT, null),
        score("s", "truthfulqa", 38.98, Scale.PERCENT, null)), List.of());
    assertThat(p.hasAll(List.of("hellaswag", "truthfulqa"))).isTrue();
    assertThat(p.hasAll(List.of("hellaswag", "arc"))).isFalse();
  }
}
