package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.Draws;
import io.phasewatch.core.stats.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PopulationTrendTest {

  /** x = 1..5, y = 2 4 5 4 5: the textbook example. */
  static List<Release> tiny() {
    double[] y = {2, 4, 5, 4, 5};
    List<Release> out = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      out.add(Release.undated("m" + (i + 1), "lab", i + 1, y[i]));
    }
    return out;
  }

  @Test
  void fitsTheTextbookExampleByHand() {
    PopulationTrend t = PopulationTrend.fit(tiny()).value();
    // x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6, Syy = 6: β1 = 0.6, β0 = 4 − 0.6·3 = 2.2.
    assertThat(t.n()).isEqualTo(5);
    assertThat(t.slope()).isCloseTo(0.6, within(1e-12));
    assertThat(t.intercept()).isCloseTo(2.2, within(1e-12));
    assertThat(t.b1Mean()).isCloseTo(3.0, within(1e-12));
    assertThat(t.sxx()).isCloseTo(10.0, within(1e-12));
    // residuals −0.8 0.6 1.0 −0.6 −0.2: SSE = 2.4, s = sqrt(2.4 / 3).
    double s = Math.sqrt(0.8);
    assertThat(t.residualSd()).isCloseTo(s, within(1e-12));
    assertThat(t.slopeSe()).isCloseTo(s / Math.sqrt(10), within(1e-12));
    assertThat(t.interceptSe()).isCloseTo(s * Math.sqrt(1.0 / 5 + 9.0 / 10), within(1e-12));
    assertThat(t.r().value()).isCloseTo(6 / Math.sqrt(60), within(1e-12));
    // scipy.stats.linregress gives p = 0.12402706265755445.
    assertThat(t.p().value()).isCloseTo(0.12402706265755445, within(1e-10));
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithCommonsMathSimpleRegression(long seed) {
    List<Release> releases = cohort(Draws.random(seed));
    SimpleRegression reg = new SimpleRegression();
    releases.forEach(r -> reg.addData(r.b1(), r.b2()));
    PopulationTrend t = PopulationTrend.fit(releases).value();
    assertThat(t.n()).isEqualTo(releases.size());
    assertThat(t.slope()).isCloseTo(reg.getSlope(), within(1e-9));
    assertThat(t.intercept()).isCloseTo(reg.getIntercept(), within(1e-7));
    assertThat(t.slopeSe()).isCloseTo(reg.getSlopeStdErr(), within(1e-9));
    assertThat(t.interceptSe()).isCloseTo(reg.getInterceptStdErr(), within(1e-7));
    assertThat(t.residualSd()).isCloseTo(Math.sqrt(reg.getMeanSquareError()), within(1e-9));
    assertThat(t.r().value()).isCloseTo(reg.getR(), within(1e-9));
    assertThat(t.p().value()).isCloseTo(reg.getSignificance(), within(1e-9));
  }

  /**
   * 3 to 40 releases with B1 and B2 in [0, 100] at one decimal, drawn again until B1 and B2 each
   * take two values and the points are not an exact line.
   */
  static List<Release> cohort(Random random) {
    while (true) {
      List<Release> rs = Draws.list(random, 3, 40, r -> Release.undated("m", "lab",
          Draws.decimal(r, 0, 100, 1), Draws.decimal(r, 0, 100, 1)));
      if (rs.stream().mapToDouble(Release::b1).distinct().count() > 1
          && rs.stream().mapToDouble(Release::b2).distinct().count() > 1
          && notAnExactLine(rs)) {
        return rs;
      }
    }
  }

  /** An exact line has SSE = 0, where SimpleRegression's MSE can round to a tiny negative. */
  private static boolean notAnExactLine(List<Release> rs) {
    SimpleRegression reg = new SimpleRegression();
    rs.forEach(r -> reg.addData(r.b1(), r.b2()));
    return reg.getMeanSquareError() > 1e-6;
  }

  @Test
  void isUndefinedBelowThreeReleases() {
    Outcome<PopulationTrend> t = PopulationTrend.fit(tiny().subList(0, 2));
    assertThat(t.isDefined()).isFalse();
    assertThat(t.reason()).isEqualTo("fewer than 3 releases (n=2)");
    assertThat(PopulationTrend.fit(List.of()).reason()).isEqualTo("fewer than 3 releases (n=0)");
  }

  @Test
  void isUndefinedWhenEveryReleaseHasTheSameB1EvenIfItsMeanIsInexact() {
    // (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002: a Σ(x − x̄)² = 0 test would miss this.
    List<Release> rs = List.of(
        Release.undated("a", "l", 0.1, 50), Release.undated("b", "l", 0.1, 60),
        Release.undated("c", "l", 0.1, 70));
    Outcome<PopulationTrend> t = PopulationTrend.fit(rs);
    assertThat(t.isDefined()).isFalse();
    assertThat(t.reason()).isEqualTo("every release has the same B1 (0.1)");
  }

  @Test
  void constantB2GivesAFlatTrendButNoCorrelation() {
    List<Release> rs = List.of(
        Release.undated("a", "l", 10, 70), Release.undated("b", "l", 20, 70),
        Release.undated("c", "l", 40, 70));
    PopulationTrend t = PopulationTrend.fit(rs).value();
    assertThat(t.slope()).isCloseTo(0, within(1e-12));
    assertThat(t.intercept()).isCloseTo(70, within(1e-12));
    assertThat(t.r().reason()).isEqualTo("every release has the same B2 (70.0)");
    assertThat(t.p().isDefined()).isFalse();
  }
}
