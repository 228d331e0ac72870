package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionIntervalTest {

  private static final FrontierConfig DEFAULTS = FrontierConfig.defaults();
  /** t(0.975, 3) and t(0.95, 3), from scipy.stats.t.ppf. */
  private static final double T975_3 = 3.1824463052837078;
  private static final double T95_3 = 2.3533634348018233;

  @Test
  void intervalAtTheMeanOfB1() {
    // Textbook example: ŷ(3) = 4, s = sqrt(0.8), n = 5, x0 = x̄.
    PredictionInterval pi = PredictionInterval.at(PopulationTrendTest.tiny(), 3, DEFAULTS).value();
    double half = T975_3 * Math.sqrt(0.8) * Math.sqrt(1 + 1.0 / 5);
    assertThat(pi.predicted()).isCloseTo(4.0, within(1e-12));
    assertThat(pi.lower()).isCloseTo(4.0 - half, within(1e-9));
    assertThat(pi.upper()).isCloseTo(4.0 + half, within(1e-9));
    assertThat(pi.halfWidth()).isCloseTo(half, within(1e-9));
    assertThat(pi.level()).isEqualTo(0.95);
  }

  @Test
  void intervalWidensAwayFromTheMean() {
    // x0 = 6: ŷ = 5.8, (x0 − x̄)² / Sxx = 9 / 10.
    PredictionInterval pi = PredictionInterval.at(PopulationTrendTest.tiny(), 6, DEFAULTS).value();
    double half = T975_3 * Math.sqrt(0.8) * Math.sqrt(1 + 1.0 / 5 + 9.0 / 10);
    assertThat(pi.predicted()).isCloseTo(5.8, within(1e-12));
    assertThat(pi.halfWidth()).isCloseTo(half, within(1e-9));
  }

  @Test
  void levelIsConfigurable() {
    FrontierConfig ninety = ConfigBuilder.defaults().predictionLevel(0.90).build();
    PredictionInterval pi = PredictionInterval.at(PopulationTrendTest.tiny(), 3, ninety).value();
    assertThat(pi.halfWidth()).isCloseTo(T95_3 * Math.sqrt(0.8) * Math.sqrt(1.2), within(1e-9));
  }

  @Test
  void levelOutsideZeroToOneIsAProgrammingError() {
    PopulationTrend t = PopulationTrend.fit(PopulationTrendTest.tiny()).value();
    assertThatIllegalArgumentException().isThrownBy(() -> PredictionInterval.at(t, 3, 1.0))
        .withMessage("level must lie in (0, 1): 1.0");
  }

  @Test
  void boundsBelongToTheInterval() {
    PredictionInterval pi = new PredictionInterval(3, 4, 1, 7, 0.95);
    assertThat(pi.outside(1)).isFalse();
    assertThat(pi.outside(7)).isFalse();
    assertThat(pi.outside(0.999)).isTrue();
    assertThat(pi.outside(7.001)).isTrue();
  }

  @Test
  void releaseFarAboveTheTrendIsAnomalous() {
    // Upper bound at x0 = 3 is 4 + 3.1183 = 7.118.
    Release odd = Release.undated("new", "lab", 3, 7.2);
    AnomalyCheck check = AnomalyCheck.check(PopulationTrendTest.tiny(), odd, DEFAULTS).value();
    assertThat(check.anomalous()).isTrue();
    assertThat(check.interval().upper()).isCloseTo(4 + T975_3 * Math.sqrt(0.96), within(1e-9));
    Release fine = Release.undated("new", "lab", 3, 7.0);
    assertThat(AnomalyCheck.check(PopulationTrendTest.tiny(), fine, DEFAULTS).value().anomalous())
        .isFalse();
  }

  @Test
  void theCandidateIsLeftOutOfTheFitItIsCheckedAgainst() {
    List<Release> cohort = new ArrayList<>(PopulationTrendTest.tiny());
    Release odd = Release.undated("new", "lab", 3, 40);
    cohort.add(odd);
    AnomalyCheck check = AnomalyCheck.check(cohort, odd, DEFAULTS).value();
    assertThat(check.interval().predicted()).isCloseTo(4.0, within(1e-12));
    assertThat(check.anomalous()).isTrue();
  }

  @Test
  void anomalyCheckIsUndefinedWithoutATrend() {
    Release odd = Release.undated("new", "lab", 3, 40);
    assertThat(AnomalyCheck.check(PopulationTrendTest.tiny().subList(0, 2), odd, DEFAULTS).reason())
        .isEqualTo("no trend without new: fewer than 3 releases (n=2)");
    assertThat(PredictionInterval.at(List.of(), 3, DEFAULTS).reason())
        .isEqualTo("fewer than 3 releases (n=0)");
  }
}
