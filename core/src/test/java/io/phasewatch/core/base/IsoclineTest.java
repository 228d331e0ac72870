package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IsoclineTest {

  @Test
  void thresholdIsTheSquareRootOnFractions() {
    // sqrt(0.187 · 0.80) = sqrt(0.1496) = 0.386782…
    assertThat(Isocline.thresholdB2(80, Isocline.HS_TQA_RATIO).value())
        .isCloseTo(38.6782, within(1e-4));
    // CAPE's worked frontier example: sqrt(0.97 · 0.88) = 0.92390…
    assertThat(Isocline.thresholdB2(88, 0.97).value()).isCloseTo(92.390, within(1e-3));
  }

  @Test
  void boundaryIsTheSquareRootOfRatioTimesB1AsFractions() {
    // sqrt(0.25 · 0.64) = 0.4; sqrt(0.51 · 0.70) = sqrt(0.357) = 0.597495…
    assertThat(Isocline.boundaryFraction(64, 0.25).value()).isCloseTo(0.4, within(1e-15));
    assertThat(Isocline.boundaryFraction(70, 0.51).value())
        .isCloseTo(0.5974947698515862, within(1e-15));
    assertThat(Isocline.boundaryFraction(101, 0.51).reason())
        .isEqualTo("B1 = 101.0 is not a percentage");
  }

  @Test
  void aboveTheIsoclineIsBonusOnOrBelowIsTax() {
    assertThat(Isocline.classify(80, 40, Isocline.HS_TQA_RATIO).value()).isEqualTo(Phase.BONUS);
    assertThat(Isocline.classify(80, 38, Isocline.HS_TQA_RATIO).value()).isEqualTo(Phase.TAX);
    // Exactly on it: 0.25 = sqrt(0.25 · 0.25).
    assertThat(Isocline.classify(25, 25, 0.25).value()).isEqualTo(Phase.TAX);
    assertThat(Isocline.classify(88, 90, 0.97).value()).isEqualTo(Phase.TAX);
  }

  @Test
  void undefinedOutsidePercentagesOrForANonPositiveRatio() {
    assertThat(Isocline.classify(-1, 30, 0.187).reason()).contains("B1 = -1.0 is not a percentage");
    assertThat(Isocline.classify(50, 130, 0.187).reason()).contains("B2 = 130.0 is not a percentage");
    assertThat(Isocline.classify(50, 30, 0).reason()).contains("must be positive");
  }
}
