package io.phasewatch.cli.bench;

import static io.phasewatch.core.catalogue.BenchmarkIds.GPQA_DIAMOND;
import static io.phasewatch.core.catalogue.BenchmarkIds.HELLASWAG;
import static io.phasewatch.core.catalogue.BenchmarkIds.SWE_BENCH_VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.core.stats.Pearson;
import io.phasewatch.core.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticLeaderboardTest {
  private static final Workload SMALL = new Workload(12, 5, 2, 10, 42);

  @Test
  void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers() {
    SyntheticLeaderboard a = new SyntheticLeaderboard(SMALL);
    SyntheticLeaderboard b = new SyntheticLeaderboard(SMALL);
    SyntheticLeaderboard c = new SyntheticLeaderboard(new Workload(12, 5, 2, 10, 43));
    for (long i = 0; i < SMALL.scores(); i++) {
      assertThat(a.score(i)).isEqualTo(b.score(i));
    }
    assertThat(IntStream.range(0, 50).filter(i -> !a.score(i).equals(c.score(i))).count())
        .isGreaterThan(40);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 20261127})
  void everyRecordIsValidAndEveryKeyAppearsOnce(long seed) {
    Workload w = new Workload(12, 5, 2, 10, seed);
    SyntheticLeaderboard board = new SyntheticLeaderboard(w);
    Validator validator = Validator.standard();
    Set<String> models = new HashSet<>();
    for (int i = 0; i < w.models(); i++) {
      ModelRecord m = board.model(i);
      assertThat(validator.validate(m)).as(m.modelId()).isEmpty();
      models.add(m.modelId());
    }
    assertThat(models).hasSize(12 * 5 + 2 * 10);
    Set<String> keys = new HashSet<>();
    for (long i = 0; i < w.scores(); i++) {
      ScoreRecord s = board.score(i);
      assertThat(validator.validate(s)).as(s.key()).isEmpty();
      assertThat(models).contains(s.modelId());
      keys.add(s.key());
    }
    assertThat(keys).hasSize((int) w.scores()).hasSize(12 * 5 * 6 + 2 * 10 * 4);
  }

  @Test
  void aBaseModelsSixScoresArePublishedTogetherAndFamiliesInterleave() {
    SyntheticLeaderboard board = new SyntheticLeaderboard(SMALL);
    List<String> firstModels = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      List<String> benchmarks = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        ScoreRecord s = board.score(m * 6L + k);
        benchmarks.add(s.benchmark());
        assertThat(s.modelId()).isEqualTo(board.score(m * 6L).modelId());
      }
      assertThat(benchmarks).isEqualTo(SyntheticLeaderboard.BASE_BENCHMARKS);
      firstModels.add(board.score(m * 6L).modelId().substring(0, "bench-f00000".length()));
    }
    assertThat(new HashSet<>(firstModels)).as("families of the first six models").hasSizeGreaterThan(2);
  }

  @Test
  void familiesPayATaxBelowTheirCriticalScaleAndSomeHaveCrossedIt() {
    SyntheticLeaderboard board = new SyntheticLeaderboard(new Workload(200, 10, 0, 0, 7));
    DiagnosisConfig config = DiagnosisConfig.defaults();
    int smallTax = 0;
    int smallMeasured = 0;
    int largestBonus = 0;
    int largestNotBonus = 0;
    int risingB1 = 0;
    for (int f = 0; f < 200; f++) {
      FamilyDiagnosis d = Diagnoses.family(SyntheticLeaderboard.familyName(f),
          board.familyPoints(f), config);
      List<FamilyDiagnosis.Model> models = d.models();
      for (int s = 1; s <= 2; s++) {
        if (models.get(s).gamma12().isPresent()) {
          smallMeasured++;
          smallTax += models.get(s).gamma12().getAsDouble() < -0.1 ? 1 : 0;
        }
      }
      for (int s = 1; s < models.size(); s++) {
        risingB1 += models.get(s).b1() > models.get(s - 1).b1() ? 1 : 0;
      }
      if (d.largestPhase().orElse("").equals("bonus")) {
        largestBonus++;
      } else {
        largestNotBonus++;
      }
    }
    assertThat(smallTax).as("tax among the two smallest intervals")
        .isGreaterThan(smallMeasured * 9 / 10);
    assertThat(risingB1).as("B1 rises from one size to the next").isGreaterThan(200 * 9 * 95 / 100);
    assertThat(largestBonus).as("families that crossed N_c").isGreaterThan(40);
    assertThat(largestNotBonus).as("families that have not").isGreaterThan(20);
  }

  @Test
  void frontierReleasesAreDatedInOrderWithCoupledAxes() {
    Workload w = new Workload(3, 3, 1, 60, 5);
    SyntheticLeaderboard board = new SyntheticLeaderboard(w);
    LocalDate previous = LocalDate.MIN;
    double[] swe = new double[60];
    double[] gpqa = new double[60];
    double[] time = new double[60];
    for (int k = 0; k < 60; k++) {
      ModelRecord m = board.model(w.baseModels() + k);
      assertThat(m.cohorts()).containsExactly(SyntheticLeaderboard.cohortName(0));
      LocalDate date = m.releaseDate().orElseThrow();
      assertThat(date).isAfterOrEqualTo(previous).isBefore(LocalDate.of(2026, 1, 1));
      previous = date;
      swe[k] = board.releaseValue(0, k, SWE_BENCH_VERIFIED);
      gpqa[k] = board.releaseValue(0, k, GPQA_DIAMOND);
      time[k] = k;
    }
    assertThat(Pearson.r(time, swe).value()).isGreaterThan(0.8);
    assertThat(Pearson.r(swe, gpqa).value()).isGreaterThan(0.7);
    assertThat(board.baseValue(0, 0, HELLASWAG)).isBetween(25.0, 100.0);
  }
}
