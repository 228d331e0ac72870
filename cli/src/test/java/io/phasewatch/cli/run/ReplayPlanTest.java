package io.phasewatch.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.domain.Json;
import io.phasewatch.ingest.publish.Outgoing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplayPlanTest {

  private static Outgoing model(String id, String releaseDate) throws Exception {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("schema_version", 1);
    m.put("model_id", id);
    m.put("family", "f");
    m.put("kind", "base");
    m.put("release_date", releaseDate);
    return new Outgoing(Outgoing.Destination.MODELS, id,
        Optional.of(Json.mapper().writeValueAsBytes(m)), Map.of(), Outgoing.Change.NEW);
  }

  private static Outgoing score(String model, String benchmark, String evaluatedAt)
      throws Exception {
    Map<String, Object> s = new java.util.LinkedHashMap<>();
    s.put("schema_version", 1);
    s.put("source", "feed");
    s.put("model_id", model);
    s.put("benchmark", benchmark);
    s.put("value", 50.0);
    s.put("scale", "percent");
    s.put("evaluated_at", evaluatedAt);
    return new Outgoing(Outgoing.Destination.SCORES, "feed|" + model + "|" + benchmark,
        Optional.of(Json.mapper().writeValueAsBytes(s)), Map.of(), Outgoing.Change.NEW);
  }

  private static List<String> keysOf(ReplayPlan.Step step) {
    return step.messages().stream().map(Outgoing::key).toList();
  }

  @Test
  void scoresComeOnTheirEvaluationDayModelsFirstThenUndatedOnesBeforeEverything()
      throws Exception {
    List<Outgoing> in = List.of(
        score("b", "hellaswag", "2023-10-16T08:00:00Z"),
        model("a", null),
        score("a", "hellaswag", "2023-09-09T10:00:00Z"),
        score("a", "truthfulqa", "2023-09-10T10:00:00Z"),
        model("b", null),
        // a frontier release: no evaluation date, its model's release date
        model("c", "2025-01-31"),
        score("c", "gpqa_diamond", null),
        // nothing dated at all
        model("d", null),
        score("d", "hellaswag", null),
        new Outgoing(Outgoing.Destination.REJECTED, "bad", Optional.of(new byte[] {1}), Map.of(),
            Outgoing.Change.REJECTED));

    List<ReplayPlan.Step> steps = ReplayPlan.of(in);

    assertThat(steps).extracting(ReplayPlan.Step::date).containsExactly(Optional.empty(),
        Optional.of(LocalDate.of(2023, 9, 9)), Optional.of(LocalDate.of(2023, 9, 10)),
        Optional.of(LocalDate.of(2023, 10, 16)), Optional.of(LocalDate.of(2025, 1, 31)));
    assertThat(keysOf(steps.get(0))).containsExactly("d", "feed|d|hellaswag", "bad");
    // a model record goes with its first dated score, before it
    assertThat(keysOf(steps.get(1))).containsExactly("a", "feed|a|hellaswag");
    assertThat(keysOf(steps.get(2))).containsExactly("feed|a|truthfulqa");
    assertThat(keysOf(steps.get(3))).containsExactly("b", "feed|b|hellaswag");
    assertThat(keysOf(steps.get(4))).containsExactly("c", "feed|c|gpqa_diamond");
  }

  @Test
  void aModelReleasedAfterItsFirstScoreGoesWithThatScore() throws Exception {
    List<ReplayPlan.Step> steps = ReplayPlan.of(List.of(model("a", "2024-01-01"),
        score("a", "hellaswag", "2023-12-01T00:00:00Z")));
    assertThat(steps).singleElement().satisfies(s -> {
      assertThat(s.date()).contains(LocalDate.of(2023, 12, 1));
      assertThat(keysOf(s)).containsExactly("a", "feed|a|hellaswag");
    });
  }

  @Test
  void aModelKeyedBySourceGoesWithItsScores() throws Exception {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("schema_version", 1);
    m.put("source", "feed");
    m.put("model_id", "a");
    m.put("family", "f");
    m.put("release_date", "2025-05-05");
    Outgoing keyed = new Outgoing(Outgoing.Destination.MODELS, "feed|a",
        Optional.of(Json.mapper().writeValueAsBytes(m)), Map.of(), Outgoing.Change.NEW);
    List<ReplayPlan.Step> steps = ReplayPlan.of(List.of(score("a", "gpqa_diamond", null), keyed));
    assertThat(steps).singleElement().satisfies(s -> {
      assertThat(s.date()).contains(LocalDate.of(2025, 5, 5));
      assertThat(keysOf(s)).containsExactly("feed|a", "feed|a|gpqa_diamond");
    });
  }

  @Test
  void aTombstoneIsDatedByItsModel() throws Exception {
    Outgoing tombstone = new Outgoing(Outgoing.Destination.SCORES, "feed|a|gsm8k",
        Optional.empty(), Map.of(), Outgoing.Change.RETRACTED);
    List<ReplayPlan.Step> steps = ReplayPlan.of(List.of(tombstone, model("a", "2024-02-02")));
    assertThat(steps).singleElement().satisfies(s -> {
      assertThat(s.date()).contains(LocalDate.of(2024, 2, 2));
      assertThat(keysOf(s)).containsExactly("a", "feed|a|gsm8k");
    });
  }

  @Test
  void thePlanDoesNotDependOnTheOrderOfTheMessages() throws Exception {
    List<Outgoing> in = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      in.add(model("m" + i, i % 3 == 0 ? null : "2025-0" + (1 + i % 9) + "-15"));
      in.add(score("m" + i, "hellaswag", i % 2 == 0 ? "2023-0" + (1 + i % 9) + "-01T00:00:00Z"
          : null));
      in.add(score("m" + i, "truthfulqa", null));
    }
    List<List<String>> expected = ReplayPlan.of(in).stream().map(ReplayPlanTest::keysOf).toList();
    Random random = new Random(11);
    for (int round = 0; round < 10; round++) {
      List<Outgoing> shuffled = new ArrayList<>(in);
      Collections.shuffle(shuffled, random);
      assertThat(ReplayPlan.of(shuffled).stream().map(ReplayPlanTest::keysOf).toList())
          .isEqualTo(expected);
    }
  }
}
