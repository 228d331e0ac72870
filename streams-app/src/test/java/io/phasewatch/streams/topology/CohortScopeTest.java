package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Feeds that declare a cohort (a curated panel, a dated snapshot) keep their own figures and
 * their own description of a model: the family and the pooled panel read the leaderboard's
 * figures, the cohort's panel the cohort's, and two snapshots of one release keep their own
 * values and dates whichever feed was read last (data/CURATION.md: "never merged").
 */
class CohortScopeTest {

  private static ModelRecord record(String source, String model, String family, double paramsB,
      Optional<LocalDate> date, String... cohorts) {
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, Optional.of(source), model,
        Optional.of(model.toUpperCase(java.util.Locale.ROOT)), family, OptionalDouble.of(paramsB),
        OptionalInt.empty(), date.isPresent() ? ModelKind.CHAT : ModelKind.BASE,
        Optional.of("lab"), date, List.of(cohorts), Map.of());
  }

  private static ScoreRecord score(String source, String model, String benchmark, double value,
      String... cohorts) {
    return new ScoreRecord(ScoreRecord.SCHEMA_VERSION, source, model, benchmark, value,
        Scale.PERCENT, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(cohorts));
  }

  @Test
  void aPanelsFiguresStayInItsPanelAndOutOfTheFamily() {
    try (TopologyFixture f = new TopologyFixture(Map.of("panels", "base,paper",
        "panel.paper.cohort", "paper"))) {
      for (String[] m : new String[][] {{"m-1b", "1"}, {"m-2b", "2"}, {"m-4b", "4"}}) {
        double size = Double.parseDouble(m[1]);
        f.send(record("board", m[0], "fam", size, Optional.empty()));
        f.send(record("paper", m[0], "fam", size, Optional.empty(), "paper"));
        f.send(score("board", m[0], "hellaswag", 40 + 10 * size));
        f.send(score("board", m[0], "truthfulqa", 40 - size));
        f.send(score("paper", m[0], "hellaswag", 41 + 10 * size, "paper"));
        f.send(score("paper", m[0], "truthfulqa", 42 - size, "paper"));
      }
      // a model only the panel has: in the panel, not in the family
      f.send(record("paper", "m-8b", "fam", 8, Optional.empty(), "paper"));
      f.send(score("paper", "m-8b", "hellaswag", 91, "paper"));
      f.send(score("paper", "m-8b", "truthfulqa", 34, "paper"));
      f.tick();

      FamilyDiagnosis fam = f.familyOut.readKeyValuesToMap().get("fam");
      assertThat(fam.models()).extracting(FamilyDiagnosis.Model::model)
          .containsExactly("M-1B", "M-2B", "M-4B");
      assertThat(fam.models()).extracting(FamilyDiagnosis.Model::b1)
          .containsExactly(50.0, 60.0, 80.0);
      Map<String, PanelDiagnosis> panels = f.panelOut.readKeyValuesToMap();
      assertThat(panels.get("base").models()).extracting(PanelDiagnosis.Model::b2)
          .containsExactly(39.0, 38.0, 36.0);
      assertThat(panels.get("paper").models()).extracting(PanelDiagnosis.Model::model)
          .containsExactly("M-1B", "M-2B", "M-4B", "M-8B");
      assertThat(panels.get("paper").models()).extracting(PanelDiagnosis.Model::b2)
          .containsExactly(41.0, 40.0, 38.0, 34.0);
    }
  }

  @Test
  void twoSnapshotsOfOneReleaseKeepTheirOwnValuesAndDatesInEitherOrder() {
    ModelRecord jan = record("epoch-jan", "grok-3-beta", "Grok", 1,
        Optional.of(LocalDate.parse("2025-04-09")), "jan");
    ModelRecord matrix = record("matrix", "grok-3-beta", "Grok", 1,
        Optional.of(LocalDate.parse("2025-02-19")), "frontier");
    List<Object> inputs = List.of(jan, matrix,
        score("epoch-jan", "grok-3-beta", "swe_bench_verified", 38.6, "jan"),
        score("epoch-jan", "grok-3-beta", "gpqa_diamond", 67.58, "jan"),
        score("matrix", "grok-3-beta", "swe_bench_verified", 48.5, "frontier"),
        score("matrix", "grok-3-beta", "gpqa_diamond", 84.6, "frontier"));
    for (boolean reversed : new boolean[] {false, true}) {
      List<Object> order = new ArrayList<>(inputs);
      if (reversed) {
        java.util.Collections.reverse(order);
      }
      try (TopologyFixture f = new TopologyFixture()) {
        for (Object o : order) {
          if (o instanceof ModelRecord m) {
            f.send(m);
          } else {
            f.send((ScoreRecord) o);
          }
        }
        f.tick();
        Map<String, FrontierDiagnosis> cohorts = f.frontierOut.readKeyValuesToMap();
        assertThat(cohorts.keySet()).containsExactlyInAnyOrder("jan", "frontier");
        FrontierDiagnosis.Release j = cohorts.get("jan").releases().get(0);
        FrontierDiagnosis.Release m = cohorts.get("frontier").releases().get(0);
        assertThat(List.of(j.b1(), j.b2(), m.b1(), m.b2())).containsExactly(38.6, 67.58, 48.5, 84.6);
        assertThat(j.releaseDate()).contains(LocalDate.parse("2025-04-09"));
        assertThat(m.releaseDate()).contains(LocalDate.parse("2025-02-19"));
        assertThat(j.model()).isEqualTo("GROK-3-BETA");
      }
    }
  }
}
