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

  static ScoreRecord inCohorts(String source, String benchmark, double value, String... cohorts) {
    return new ScoreRecord(1, source, LLAMA.modelId(), benchmark, value, Scale.PERCENT,
        Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(cohorts));
  }

  @Test
  void cohortScoresStayInTheirCohortAndOutOfTheGeneralProfile() {
    ModelProfile p = ModelProfile.resolve(LLAMA, List.of(
        score("openllm_v1", "truthfulqa", 38.76, Scale.PERCENT, "2023-09-09T00:00:00Z"),
        inCohorts("paper", "truthfulqa", 38.98, "paper-panel"),
        inCohorts("snap", "truthfulqa", 40.0, "jan", "apr")), List.of("paper"));
    assertThat(p.percent("truthfulqa")).isEqualTo(OptionalDouble.of(38.76));
    assertThat(p.in("paper-panel").percent("truthfulqa")).isEqualTo(OptionalDouble.of(38.98));
    assertThat(p.in("jan").percent("truthfulqa")).isEqualTo(OptionalDouble.of(40.0));
    assertThat(p.in("apr").scores().get("truthfulqa").source()).isEqualTo("snap");
    assertThat(p.cohortNames()).containsExactly("apr", "jan", "paper-panel");
  }

  @Test
  void aModelPlacedInACohortByItsRecordOnlyIsSeenThereWithItsGeneralScores() {
    ModelRecord inFrontier = new ModelRecord(1, LLAMA.modelId(), "Llama-2", OptionalDouble.empty(),
        OptionalInt.empty(), ModelKind.BASE, Optional.empty(), Optional.empty(),
        List.of("frontier"), java.util.Map.of());
    ModelProfile p = ModelProfile.resolve(inFrontier,
        List.of(score("s", "hellaswag", 77.74, Scale.PERCENT, null)), List.of());
    assertThat(p.cohortNames()).containsExactly("frontier");
    assertThat(p.in("frontier").scores()).isEqualTo(p.scores());
    assertThat(p.in("frontier").cohortViews()).isEmpty();
  }

  @Test
  void withinACohortTheSamePreferenceResolvesItsScores() {
    ModelProfile p = ModelProfile.resolve(LLAMA, List.of(
        inCohorts("a", "gpqa_diamond", 60.0, "c"),
        inCohorts("b", "gpqa_diamond", 70.0, "c")), List.of("b", "a"));
    assertThat(p.in("c").percent("gpqa_diamond")).isEqualTo(OptionalDouble.of(70.0));
    assertThat(p.scores()).isEmpty();
  }

  private static ModelRecord record(String source, String date, String... cohorts) {
    return new ModelRecord(1, Optional.of(source), "grok-3-beta", Optional.of("grok-3-beta"),
        "Grok", OptionalDouble.empty(), OptionalInt.empty(), ModelKind.CHAT, Optional.of("xAI"),
        Optional.of(java.time.LocalDate.parse(date)), List.of(cohorts), java.util.Map.of());
  }

  @Test
  void eachCohortSeesTheRecordOfItsOwnFeedWhateverTheOrder() {
    ModelRecord matrix = record("matrix", "2025-02-19", "frontier");
    ModelRecord epoch = record("epoch-2026-01", "2025-04-09", "frontier_epoch_2026-01");
    for (List<ModelRecord> order : List.of(List.of(matrix, epoch), List.of(epoch, matrix))) {
      ModelProfile p = ModelProfile.resolve(order, List.of(), List.of());
      assertThat(p.in("frontier").model().releaseDate())
          .contains(java.time.LocalDate.parse("2025-02-19"));
      assertThat(p.in("frontier_epoch_2026-01").model().releaseDate())
          .contains(java.time.LocalDate.parse("2025-04-09"));
      assertThat(p.cohortNames()).containsExactly("frontier", "frontier_epoch_2026-01");
      assertThat(p.model()).as("general record: first by source id").isEqualTo(epoch);
    }
  }

  @Test
  void theGeneralRecordComesFromAFeedOfNoCohortByPriority() {
    ModelRecord panel = record("paper", "2023-01-01", "paper-panel");
    ModelRecord a = record("a", "2023-02-01");
    ModelRecord b = record("b", "2023-03-01");
    assertThat(ModelProfile.resolve(List.of(panel, a, b), List.of(), List.of()).model())
        .isEqualTo(a);
    assertThat(ModelProfile.resolve(List.of(panel, a, b), List.of(), List.of("b", "a")).model())
        .isEqualTo(b);
    assertThat(ModelProfile.resolve(List.of(panel, a, b), List.of(), List.of()).in("paper-panel")
        .model()).isEqualTo(panel);
  }

  @Test
  void recordsAreKeyedBySourceAndModel() {
    assertThat(record("epoch", "2025-01-01").key()).isEqualTo("epoch|grok-3-beta");
    assertThat(ModelRecord.of("grok-3-beta", "Grok").key()).isEqualTo("grok-3-beta");
  }
}
