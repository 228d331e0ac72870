package io.phasewatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.FrontierRelease;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservationsTest {

  private static FrontierRelease release(String model, String lab, String date, double b1,
      double b2) {
    return new FrontierRelease(model, lab, Optional.of(LocalDate.parse(date)), b1, b2, Map.of());
  }

  @Test
  void frontierObservationPairsConsecutiveReleasesOfEachLabWithTheirDeltaH() {
    List<FrontierRelease> releases = new ArrayList<>();
    // twelve releases on a line B2 = 0.5·B1 + 40 (h = 0), then two labs off it
    for (int i = 0; i < 12; i++) {
      releases.add(release("m" + (10 + i), i % 2 == 0 ? "A" : "B",
          LocalDate.of(2025, 1, 1).plusDays(i).toString(), 20 + 5 * i, 50 + 2.5 * i));
    }
    FrontierDiagnosis d = Diagnoses.frontier("c", releases, DiagnosisConfig.defaults());
    FrontierObservation obs = Observations.frontier(d, Map.of("m10", Map.of("x", "feed")));

    assertThat(obs.cohort()).isEqualTo("c");
    assertThat(obs.n()).isEqualTo(12);
    assertThat(obs.reallocations()).hasSize(10);
    assertThat(obs.reallocations()).extracting(FrontierObservation.ReallocationView::lab)
        .containsOnly("A", "B");
    assertThat(obs.reallocations().get(0).fromModel()).isEqualTo("m10");
    assertThat(obs.reallocations().get(0).toModel()).isEqualTo("m12");
    assertThat(obs.reallocations()).allSatisfy(p -> assertThat(p.dh()).isCloseTo(0, within(1e-9)));

    assertThat(obs.latestWindow()).hasValueSatisfying(w -> {
      assertThat(w.n()).isEqualTo(10);
      assertThat(w.models()).containsExactly("m12", "m13", "m14", "m15", "m16", "m17", "m18",
          "m19", "m20", "m21");
      assertThat(w.r().getAsDouble()).isCloseTo(1.0, within(1e-12));
      assertThat(w.b1Range()).isCloseTo(45, within(1e-9));
    });
    assertThat(obs.releases()).allSatisfy(r -> {
      assertThat(r.pi95Lo()).isPresent();
      assertThat(r.h().getAsDouble()).isCloseTo(0, within(1e-9));
    });
  }
}
