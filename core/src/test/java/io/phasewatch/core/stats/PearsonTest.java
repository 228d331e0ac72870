package io.phasewatch.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PearsonTest {

  @Test
  void matchesAHandComputedCorrelation() {
    // x̄ = 3, ȳ = 4, Sxy = 6, Sxx = 10, Syy = 6: r = 6 / sqrt(60).
    assertThat(Pearson.r(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}).value())
        .isCloseTo(6 / Math.sqrt(60), within(1e-15));
  }

  @Test
  void isUndefinedWhenEveryValueIsTheSameEvenIfTheMeanIsInexact() {
    // (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002, so Σ(v − v̄)² is tiny but not 0.
    double[] tenths = {0.1, 0.1, 0.1};
    double[] other = {1, 2, 3};
    assertThat(Pearson.r(tenths, other).reason()).isEqualTo("the first axis has no variance");
    assertThat(Pearson.r(other, tenths).reason()).isEqualTo("the second axis has no variance");
  }

  @Test
  void isUndefinedWhenTheSpreadUnderflows() {
    // Distinct values whose squared deviations (~1e-400) round to 0: no usable variance, not NaN.
    double[] tiny = {1e-200, 2e-200, 3e-200};
    assertThat(Pearson.r(tiny, new double[] {1, 2, 4}).reason())
        .isEqualTo("the first axis has no variance");
  }

  @Test
  void noVarianceMeansEveryValueIsEqual() {
    assertThat(Pearson.noVariance(new double[] {0.1, 0.1, 0.1})).isTrue();
    assertThat(Pearson.noVariance(new double[] {0.0, -0.0})).isTrue();
    assertThat(Pearson.noVariance(new double[] {0.1, 0.1, Math.nextUp(0.1)})).isFalse();
    assertThat(Pearson.noVariance(new double[] {Double.NaN, Double.NaN})).isFalse();
  }
}
