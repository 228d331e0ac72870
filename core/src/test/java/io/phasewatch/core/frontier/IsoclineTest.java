package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.base.Phase;
import org.junit.jupiter.api.Test;

class IsoclineTest {

  @Test
  void bonusWhenB2FractionExceedsRootOfRatioTimesB1Fraction() {
    // SWE 70% with a/b = 0.51: boundary sqrt(0.51 · 0.70) = sqrt(0.357) = 0.597495.
    IsoclinePoint p = Isocline.classify(70, 60, 0.51).value();
    assertThat(p.b1Fraction()).isEqualTo(0.70);
    assertThat(p.b2Fraction()).isEqualTo(0.60);
    assertThat(p.boundary()).isCloseTo(0.5974947698515862, within(1e-12));
    assertThat(p.bonus()).isTrue();
    assertThat(Isocline.classify(70, 59, 0.51).value().bonus()).isFalse();
  }

  @Test
  void onTheBoundaryIsNotBonus() {
    // a/b = 0.25, B1 = 64%: boundary sqrt(0.16) = 0.4 exactly; B2 = 40% sits on it.
    assertThat(Isocline.classify(64, 40, 0.25).value().bonus()).isFalse();
    assertThat(Isocline.classify(64, 40.01, 0.25).value().bonus()).isTrue();
  }

  @Test
  void agreesWithTheBaseIsoclineOfSectionOneSix() {
    // §3.6 is the §1.6 rule: same boundary, bit for bit, and the same side of it.
    for (double ratio : new double[] {0.187, 0.25, 0.51, 0.97}) {
      for (double b1 = 0; b1 <= 100; b1 += 2.5) {
        for (double b2 = 0; b2 <= 100; b2 += 2.5) {
          IsoclinePoint p = Isocline.classify(b1, b2, ratio).value();
          assertThat(p.boundary())
              .isEqualTo(io.phasewatch.core.base.Isocline.boundaryFraction(b1, ratio).value());
          assertThat(p.bonus()).isEqualTo(
              io.phasewatch.core.base.Isocline.classify(b1, b2, ratio).value() == Phase.BONUS);
        }
      }
    }
  }

  @Test
  void usesTheConfiguredRatioForARelease() {
    Release r = Release.undated("m", "lab", 80, 63);
    // Default 0.51: boundary sqrt(0.408) = 0.63875 > 0.63, not bonus.
    assertThat(Isocline.classify(r, FrontierConfig.defaults()).value().bonus()).isFalse();
  }

  @Test
  void isUndefinedOutsideThePercentScaleOrForANonPositiveRatio() {
    assertThat(Isocline.classify(-1, 50, 0.51).reason())
        .isEqualTo("B1 is not a percentage between 0 and 100 (-1.0)");
    assertThat(Isocline.classify(50, 100.5, 0.51).reason())
        .isEqualTo("B2 is not a percentage between 0 and 100 (100.5)");
    assertThat(Isocline.classify(50, 50, 0).reason())
        .isEqualTo("the isocline ratio a/b must be positive and finite (0.0)");
  }
}
