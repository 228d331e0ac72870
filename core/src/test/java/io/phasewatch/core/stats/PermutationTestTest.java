package io.phasewatch.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.Draws;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PermutationTestTest {

  @Test
  void exactTestCountsEveryOrderingOfFourPairs() {
    // Brute force over the 24 orderings (itertools, independently): 8 reach |r| >= 0.8.
    PermutationTest.Result res =
        PermutationTest.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}).value();
    assertThat(res.exact()).isTrue();
    assertThat(res.r()).isCloseTo(0.8, within(1e-12));
    assertThat(res.count()).isEqualTo(8);
    assertThat(res.permutations()).isEqualTo(24);
    assertThat(res.p()).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void aPerfectLineTiesWithItsReversal() {
    // Of 3! orderings only the identity and the reversal give |r| = 1: p = 2/6.
    PermutationTest.Result res =
        PermutationTest.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}).value();
    assertThat(res.count()).isEqualTo(2);
    assertThat(res.p()).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void tiesSurviveDecimalRounding() {
    // 0.1-steps are not exact in binary: the reversal's |r| differs in the last bits.
    PermutationTest.Result res =
        PermutationTest.pearson(new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {0.3, 0.6, 0.9, 1.2})
            .value();
    assertThat(res.count()).isEqualTo(2);
  }

  @Test
  void exactTestScalesToNine() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    PermutationTest.Result res = PermutationTest.pearson(x, x.clone()).value();
    assertThat(res.permutations()).isEqualTo(362_880);
    assertThat(res.count()).isEqualTo(2);
  }

  @Test
  void monteCarloAgreesWithTheExactValueAboveNine() {
    // Exact p over all 10! orderings, by brute force in numpy: 1,307,888 / 3,628,800.
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] y = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
    PermutationTest.Result res = PermutationTest.pearson(x, y).value();
    assertThat(res.exact()).isFalse();
    assertThat(res.permutations()).isEqualTo(100_000);
    assertThat(res.p()).isCloseTo(1_307_888.0 / 3_628_800, within(0.006));
    assertThat(res.p()).isEqualTo((res.count() + 1.0) / 100_001);
  }

  @Test
  void monteCarloIsDeterministicForASeed() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    double[] y = {2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 1};
    PermutationTest.Result a = PermutationTest.pearson(x, y, 5_000, 7).value();
    PermutationTest.Result b = PermutationTest.pearson(x, y, 5_000, 7).value();
    PermutationTest.Result c = PermutationTest.pearson(x, y, 5_000, 8).value();
    assertThat(a).isEqualTo(b);
    assertThat(List.of(a.count(), c.count())).doesNotHaveDuplicates();
  }

  @Test
  void undefinedWithoutVarianceOrBelowThreePairs() {
    assertThat(PermutationTest.pearson(new double[] {1, 2}, new double[] {1, 2}).reason())
        .isEqualTo("fewer than 3 models (n=2)");
    assertThat(PermutationTest.pearson(new double[] {1, 2, 3}, new double[] {5, 5, 5}).reason())
        .isEqualTo("the second axis has no variance");
    assertThat(PermutationTest.pearson(new double[] {1, 2, 3}, new double[] {5, Double.NaN, 4})
        .reason()).isEqualTo("a score is not finite");
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /**
   * 3 to 6 scores in [−10, 10] with two decimals; a quarter repeat an earlier score, so ties
   * (which the tie tolerance must count) and constant samples (undefined) both occur.
   */
  private static List<Double> scores(Random random) {
    int n = Draws.between(random, 3, 6);
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ys.add(i > 0 && Draws.chance(random, 0.25)
          ? ys.get(random.nextInt(i))
          : Draws.decimal(random, -10, 10, 2));
    }
    return ys;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void exactPIsAtLeastOneOverNFactorialAndOrderFree(long seed) {
    List<Double> ys = scores(Draws.random(seed));
    int n = ys.size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * i + 0.5 * i;
      y[i] = ys.get(i);
    }
    Outcome<PermutationTest.Result> res = PermutationTest.pearson(x, y);
    if (!res.isDefined()) {
      return;
    }
    double[] xr = new double[n];
    double[] yr = new double[n];
    for (int i = 0; i < n; i++) {
      xr[i] = x[n - 1 - i];
      yr[i] = y[n - 1 - i];
    }
    PermutationTest.Result rev = PermutationTest.pearson(xr, yr).value();
    assertThat(res.value().p()).isBetween(1.0 / res.value().permutations(), 1.0);
    assertThat(rev.count()).isEqualTo(res.value().count());
    assertThat(res.value().r()).isEqualTo(Pearson.r(x, y).value());
  }
}
