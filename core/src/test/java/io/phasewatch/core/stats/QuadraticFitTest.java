package io.phasewatch.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.Draws;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuadraticFitTest {

  @Test
  void recoversAnExactParabola() {
    double[] x = {-1, 0, 1, 2, 3};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 * x[i] * x[i] - 3 * x[i] + 1;
    }
    QuadraticFit fit = QuadraticFit.fit(x, y).value();
    assertThat(fit.a()).isCloseTo(2, within(1e-12));
    assertThat(fit.b()).isCloseTo(-3, within(1e-12));
    assertThat(fit.c()).isCloseTo(1, within(1e-12));
    assertThat(fit.valleyX().value()).isCloseTo(0.75, within(1e-12));
    assertThat(fit.predict(4)).isCloseTo(21, within(1e-10));
  }

  @Test
  void leastSquaresOnFourPointsMatchesHandSolution() {
    // y = 0, 1, 1, 0 at x = 0..3: by symmetry about 1.5, y = a(x-1.5)^2 + k with
    // residuals ±e; normal equations give a = -0.5, k = 1.125 → b = 1.5, c = 0.
    QuadraticFit fit = QuadraticFit.fit(new double[] {0, 1, 2, 3}, new double[] {0, 1, 1, 0}).value();
    assertThat(fit.a()).isCloseTo(-0.5, within(1e-12));
    assertThat(fit.b()).isCloseTo(1.5, within(1e-12));
    assertThat(fit.c()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void aHillHasNoValley() {
    QuadraticFit fit = QuadraticFit.fit(new double[] {0, 1, 2, 3}, new double[] {0, 1, 1, 0}).value();
    assertThat(fit.valleyX().isDefined()).isFalse();
    assertThat(fit.valleyX().reason()).contains("no valley");
  }

  @Test
  void undefinedBelowThreeDistinctSizes() {
    Outcome<QuadraticFit> fit = QuadraticFit.fit(new double[] {1, 1, 2, 2}, new double[] {3, 4, 5, 6});
    assertThat(fit.isDefined()).isFalse();
    assertThat(fit.reason()).isEqualTo("fewer than 3 distinct sizes (2)");
  }

  static LongStream seeds() {
    return LongStream.range(0, 1000);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void fitIsInvariantToShiftingXByAConstant(long seed) {
    Random random = Draws.random(seed);
    double a = Draws.decimal(random, -3, 3, 2);
    double b = Draws.decimal(random, -3, 3, 2);
    double shift = Draws.decimal(random, -50, 50, 2);
    double[] x = {7.8, 8.2, 8.6, 9.0, 9.4, 10.0, 10.8};
    double[] xs = new double[x.length];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xs[i] = x[i] + shift;
      y[i] = a * x[i] * x[i] + b * x[i] + Math.sin(3 * i);
    }
    QuadraticFit f1 = QuadraticFit.fit(x, y).value();
    QuadraticFit f2 = QuadraticFit.fit(xs, y).value();
    for (double v : x) {
      assertThat(f2.predict(v + shift)).isCloseTo(f1.predict(v), within(1e-6));
    }
  }
}
