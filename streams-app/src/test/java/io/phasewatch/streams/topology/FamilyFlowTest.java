package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.TopologyFixture.base;
import static io.phasewatch.streams.topology.TopologyFixture.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.ScoreRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The family path end to end on the TopologyTestDriver: a family of four sizes whose γ12 values
 * are easy to check by hand (HellaSwag 30/40/50/60; TruthfulQA 42/40/38 and then 35 or 42 for the
 * largest), so the largest interval's γ12 is (35 − 38)/(60 − 50) = −0.3 (tax) or (42 − 38)/(60 −
 * 50) = +0.4 (bonus), and the one before it (38 − 40)/(50 − 40) = −0.2.
 */
class FamilyFlowTest {
  private TopologyFixture f;

  @BeforeEach
  void start() {
    f = new TopologyFixture();
    f.send(base("fam-0.5b", "fam", 0.5));
    f.send(base("fam-1b", "fam", 1));
    f.send(base("fam-2b", "fam", 2));
    f.send(base("fam-4b", "fam", 4));
    double[][] scores = {{30, 42}, {40, 40}, {50, 38}, {60, 35}};
    String[] models = {"fam-0.5b", "fam-1b", "fam-2b", "fam-4b"};
    for (int i = 0; i < models.length; i++) {
      f.send(score("primary", models[i], "hellaswag", scores[i][0]));
      f.send(score("primary", models[i], "truthfulqa", scores[i][1]));
    }
    // four sizes: the family's bootstrap N_c runs at the next punctuation
    f.tick();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private List<AlertEvent> crossings() {
    return f.alertsOut.readValuesToList().stream()
        .filter(e -> e.kind() == AlertKind.FAMILY_CROSSED_NC).toList();
  }

  private FamilyDiagnosis lastFamily() {
    Map<String, FamilyDiagnosis> byKey = f.familyOut.readKeyValuesToMap();
    return byKey.get("fam");
  }

  @Test
  void crossesNcOnceWhenTheLargestModelTurnsBonusAndACorrectionBackResolvesIt() {
    FamilyDiagnosis before = lastFamily();
    assertThat(before.n()).isEqualTo(4);
    assertThat(before.largestPhase()).hasValue("tax");
    assertThat(before.largestGamma12().getAsDouble()).isCloseTo(-0.3, within(1e-9));
    assertThat(crossings()).isEmpty();

    f.send(score("primary", "fam-4b", "truthfulqa", 42));
    f.tick();
    List<AlertEvent> fired = crossings();
    assertThat(fired).singleElement().satisfies(e -> {
      assertThat(e.state()).isEqualTo(AlertState.FIRED);
      assertThat(e.subject()).isEqualTo("fam");
      assertThat(e.evidence().values().get("gamma12_largest")).isCloseTo(0.4, within(1e-9));
      assertThat(e.evidence().values().get("gamma12_previous")).isCloseTo(-0.2, within(1e-9));
      assertThat(e.evidence().n()).hasValue(4);
      assertThat(e.evidence().contributingModels()).hasSize(4).allSatisfy(c ->
          assertThat(c.sources()).containsEntry("hellaswag", "primary")
              .containsEntry("truthfulqa", "primary"));
    });
    assertThat(lastFamily().largestPhase()).hasValue("bonus");

    f.send(score("primary", "fam-4b", "truthfulqa", 35));
    f.tick();
    assertThat(crossings()).singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo(AlertState.RESOLVED));
    assertThat(lastFamily().largestPhase()).hasValue("tax");
  }

  @Test
  void republishingAScoreOrPublishingALowerPrioritySourceChangesNothing() {
    f.send(score("primary", "fam-4b", "truthfulqa", 42));
    f.tick();
    f.tick(); // the family is judged again against the reference panel it changed
    f.familyOut.readValuesToList();
    f.alertsOut.readValuesToList();

    ScoreRecord again = score("primary", "fam-4b", "truthfulqa", 42);
    f.send(again);
    f.send(new ScoreRecord(again.schemaVersion(), again.source(), again.modelId(),
        again.benchmark(), again.value(), again.scale(), Optional.of("mc2"), again.nShot(),
        again.evaluatedAt(), Optional.of(Instant.parse("2026-10-01T00:00:00Z")),
        again.sourceUrl(), again.revision()));
    f.send(score("secondary", "fam-4b", "truthfulqa", 20));
    f.tick();

    assertThat(f.familyOut.readValuesToList()).isEmpty();
    assertThat(f.alertsOut.readValuesToList()).isEmpty();
  }

  @Test
  void aTombstoneRetractsTheScoreAndTheModelLeavesTheFamily() {
    f.send(score("primary", "fam-4b", "truthfulqa", 42));
    f.tick();
    assertThat(crossings()).hasSize(1);

    f.retract("primary", "fam-4b", "truthfulqa");
    FamilyDiagnosis after = lastFamily();
    assertThat(after.n()).isEqualTo(3);
    assertThat(after.models()).extracting(FamilyDiagnosis.Model::model)
        .containsExactly("fam-0.5b", "fam-1b", "fam-2b");
    assertThat(after.largestModel()).hasValue("fam-2b");
    assertThat(crossings()).singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo(AlertState.RESOLVED));
  }

  @Test
  void aRetractedHigherPriorityScoreFallsBackToTheNextSource() {
    f.familyOut.readValuesToList();
    f.send(score("secondary", "fam-4b", "truthfulqa", 42));
    f.tick();
    assertThat(f.familyOut.isEmpty()).isTrue();
    f.retract("primary", "fam-4b", "truthfulqa");
    f.tick();
    // the secondary source's 42 now resolves: bonus, and the family crosses
    assertThat(lastFamily().largestGamma12().getAsDouble()).isCloseTo(0.4, within(1e-9));
    assertThat(crossings()).singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo(AlertState.FIRED));
  }

  @Test
  void aTruthfulnessChangeIsPublishedAtOnceAndItsBootstrapAfterThePunctuation() {
    f.familyOut.readValuesToList();
    FamilyDiagnosis before = f.driver.<String, FamilyDiagnosis>getKeyValueStore(
        Names.FAMILY_DIAGNOSIS_STORE).get("fam");

    // HellaSwag only: the bootstrap's inputs (size, B2) are unchanged, so no wait, same N_c
    f.send(score("primary", "fam-0.5b", "hellaswag", 31));
    FamilyDiagnosis b1Moved = lastFamily();
    assertThat(b1Moved.models().get(0).b1()).isEqualTo(31.0);
    assertThat(b1Moved.nc()).isEqualTo(before.nc());
    assertThat(b1Moved.undefined().get("nc")).isEqualTo(before.undefined().get("nc"));
    assertThat(b1Moved.ncPending()).isFalse();

    // TruthfulQA: at once, every statistic current but the bootstrap, which is the last one
    f.send(score("primary", "fam-0.5b", "truthfulqa", 43));
    FamilyDiagnosis expected = io.phasewatch.core.diagnosis.Diagnoses.family("fam",
        java.util.stream.IntStream.range(0, 4).mapToObj(i -> io.phasewatch.core.diagnosis
            .BaseModelPoint.of(new String[] {"fam-0.5b", "fam-1b", "fam-2b", "fam-4b"}[i], "fam",
                new double[] {0.5, 1, 2, 4}[i], new double[] {31, 40, 50, 60}[i],
                new double[] {43, 40, 38, 35}[i])).toList(), f.diagnosisConfig());
    FamilyDiagnosis atOnce = lastFamily();
    assertThat(atOnce.ncPending()).isTrue();
    assertThat(atOnce.nc()).isEqualTo(before.nc());
    assertThat(atOnce.models()).isEqualTo(expected.models());
    assertThat(atOnce.r()).isEqualTo(expected.r());
    assertThat(atOnce.ncB()).isEqualTo(expected.ncB());

    // after the punctuation: the bootstrap of the new values, nothing pending
    f.tick();
    FamilyDiagnosis b2Moved = lastFamily();
    assertThat(b2Moved.models().get(0).b2()).isEqualTo(43.0);
    assertThat(b2Moved).isEqualTo(expected);
  }
}
