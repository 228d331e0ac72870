package io.phasewatch.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearFitTest {

  @Test
  void isUndefinedWhenEveryXIsTheSameEvenIfItsMeanIsInexact() {
    // (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002, so Sxx is tiny but not 0.
    Outcome<LinearFit> fit = LinearFit.fit(new double[] {0.1, 0.1, 0.1}, new double[] {1, 2, 4});
    assertThat(fit.isDefined()).isFalse();
    assertThat(fit.reason()).isEqualTo("x has no variance");
  }

  @Test
  void isUndefinedWhenTheSpreadOfXUnderflows() {
    Outcome<LinearFit> fit =
        LinearFit.fit(new double[] {1e-200, 2e-200, 3e-200}, new double[] {1, 2, 4});
    assertThat(fit.reason()).isEqualTo("x has no variance");
  }

  @Test
  void aConstantYIsAnExactlyFlatLineEvenIfItsMeanIsInexact() {
    // Same fit as for a constant with an exact mean: slope 0, no residual, r 0 by convention, p 1.
    LinearFit fit = LinearFit.fit(new double[] {1, 2, 4}, new double[] {0.1, 0.1, 0.1}).value();
    assertThat(fit.slope()).isEqualTo(0.0);
    assertThat(fit.intercept()).isEqualTo(0.1);
    assertThat(fit.residualSd()).isEqualTo(0.0);
    assertThat(fit.slopeSe()).isEqualTo(0.0);
    assertThat(fit.r()).isEqualTo(0.0);
    assertThat(fit.pSlope()).isEqualTo(1.0);
    assertThat(fit.predict(100)).isEqualTo(0.1);
  }

  @Test
  void fitsTheTextbookExampleByHand() {
    // x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6: slope 0.6, intercept 2.2, SSE 2.4, s = sqrt(0.8).
    LinearFit fit =
        LinearFit.fit(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}).value();
    assertThat(fit.slope()).isCloseTo(0.6, within(1e-12));
    assertThat(fit.intercept()).isCloseTo(2.2, within(1e-12));
    assertThat(fit.sxx()).isCloseTo(10, within(1e-12));
    assertThat(fit.residualSd()).isCloseTo(Math.sqrt(0.8), within(1e-12));
  }
}
