package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SaturationTest {

  private static final FrontierConfig DEFAULTS = FrontierConfig.defaults();
  private static final String SWE = FrontierConfig.SWE_BENCH_VERIFIED;
  private static final String GPQA = FrontierConfig.GPQA_DIAMOND;
  private static final String HLE = FrontierConfig.HLE;
  private static final String IFEVAL = FrontierConfig.IFEVAL;

  private static Release r(String model, double swe, double gpqa, Map<String, Double> extra) {
    return new Release(model, "lab", Optional.empty(), swe, gpqa, extra);
  }

  /**
   * Seven releases. SWE top 5: 80.9 80.8 80.6 80.0 79.6 → spread 1.3. GPQA top 5: 94 93 92 90 88
   * → spread 6. HLE on six: top 5 50 45 40 30 20 → spread 30. IFEval on three only.
   */
  static List<Release> seven() {
    return List.of(
        r("a", 80.9, 88, Map.of(HLE, 50.0, IFEVAL, 90.0)),
        r("b", 80.8, 94, Map.of(HLE, 45.0, IFEVAL, 80.0)),
        r("c", 80.6, 93, Map.of(HLE, 40.0, IFEVAL, 85.0)),
        r("d", 80.0, 92, Map.of(HLE, 30.0)),
        r("e", 79.6, 90, Map.of(HLE, 20.0)),
        r("f", 60.0, 70, Map.of(HLE, 5.0)),
        r("g", 40.0, 60, Map.of()));
  }

  @Test
  void spreadIsMaxMinusMinOverTheTopKRankedByThatAxis() {
    assertThat(Saturation.spread(seven(), SWE, DEFAULTS).spread().value())
        .isCloseTo(80.9 - 79.6, within(1e-12));
    assertThat(Saturation.spread(seven(), GPQA, DEFAULTS).spread().value()).isEqualTo(6.0);
    AxisSpread hle = Saturation.spread(seven(), HLE, DEFAULTS);
    assertThat(hle.scored()).isEqualTo(6);
    assertThat(hle.spread().value()).isEqualTo(30.0);
  }

  @Test
  void topKIsConfigurable() {
    FrontierConfig top3 = ConfigBuilder.defaults().topK(3).build();
    assertThat(Saturation.spread(seven(), GPQA, top3).spread().value()).isEqualTo(2.0);
    assertThat(Saturation.spread(seven(), IFEVAL, top3).spread().value()).isEqualTo(10.0);
  }

  @Test
  void spreadIsUndefinedWithFewerThanKScoredReleases() {
    AxisSpread ifeval = Saturation.spread(seven(), IFEVAL, DEFAULTS);
    assertThat(ifeval.scored()).isEqualTo(3);
    assertThat(ifeval.spread().reason())
        .isEqualTo("fewer than 5 releases scored on ifeval (n=3)");
  }

  @Test
  void tiesAtTheKthPlaceDoNotChangeTheSpread() {
    List<Release> rs = new ArrayList<>();
    double[] v = {90, 85, 80, 75, 70, 70, 70};
    for (int i = 0; i < v.length; i++) {
      rs.add(Release.undated("m" + i, "lab", v[i], 50 + i));
    }
    assertThat(Saturation.spread(rs, SWE, DEFAULTS).spread().value()).isEqualTo(20.0);
  }

  @Test
  void sigmaIsOldSpreadOverNewSpreadAndBelowPointTwoMeansRotate() {
    SaturationPair sweToHle = Saturation.sigma(seven(), SWE, HLE, DEFAULTS);
    assertThat(sweToHle.sigma().value()).isCloseTo(1.3 / 30, within(1e-12));
    assertThat(sweToHle.rotate().value()).isTrue();
    SaturationPair gpqaToHle = Saturation.sigma(seven(), GPQA, HLE, DEFAULTS);
    assertThat(gpqaToHle.sigma().value()).isCloseTo(0.2, within(1e-12));
    assertThat(gpqaToHle.rotate().value()).isFalse(); // 0.2 is not below 0.2
    SaturationPair hleToSwe = Saturation.sigma(seven(), HLE, SWE, DEFAULTS);
    assertThat(hleToSwe.sigma().value()).isCloseTo(30 / 1.3, within(1e-9));
    assertThat(hleToSwe.rotate().value()).isFalse();
  }

  @Test
  void sigmaIsUndefinedWhenTheCandidateDoesNotSpread() {
    List<Release> rs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rs.add(r("m" + i, 50 + i, 60 + i, Map.of(IFEVAL, 90.0)));
    }
    SaturationPair p = Saturation.sigma(rs, SWE, IFEVAL, DEFAULTS);
    assertThat(p.sigma().reason())
        .isEqualTo("the top 5 releases on ifeval share one score (spread 0)");
    assertThat(p.rotate().isDefined()).isFalse();
    assertThat(Saturation.sigma(seven(), IFEVAL, SWE, DEFAULTS).sigma().reason())
        .isEqualTo("fewer than 5 releases scored on ifeval (n=3)");
  }

  @Test
  void allPairsCoverEveryOrderedPairOfAvailableAxes() {
    List<SaturationPair> pairs = Saturation.allPairs(seven(), DEFAULTS);
    assertThat(pairs).hasSize(12);
    assertThat(pairs).extracting(SaturationPair::activeAxis, SaturationPair::candidateAxis)
        .startsWith(tuple(SWE, GPQA), tuple(SWE, HLE), tuple(SWE, IFEVAL), tuple(GPQA, SWE));
    assertThat(pairs.get(0).sigma().value()).isCloseTo(1.3 / 6, within(1e-12));

    List<Release> noExtras = seven().stream()
        .map(x -> Release.undated(x.model(), x.lab(), x.b1(), x.b2())).toList();
    assertThat(Saturation.allPairs(noExtras, DEFAULTS))
        .extracting(SaturationPair::activeAxis, SaturationPair::candidateAxis)
        .containsExactly(tuple(SWE, GPQA), tuple(GPQA, SWE));
  }

  @Test
  void candidateIsActivatingWhenItCorrelatesAboveHalfOnEnoughModels() {
    FrontierConfig five = ConfigBuilder.defaults().activationMinModels(5).build();
    // On the six HLE releases: r(SWE, HLE) is high (both fall together).
    AxisActivation a = Saturation.activation(seven(), SWE, HLE, five);
    double[] swe = {80.9, 80.8, 80.6, 80.0, 79.6, 60.0};
    double[] hle = {50, 45, 40, 30, 20, 5};
    assertThat(a.n()).isEqualTo(6);
    assertThat(a.r().value()).isCloseTo(pearson(swe, hle), within(1e-12));
    assertThat(a.activating().value()).isTrue();
  }

  @Test
  void activationIsUndefinedOnTooFewModels() {
    AxisActivation a = Saturation.activation(seven(), SWE, HLE, DEFAULTS);
    assertThat(a.r().isDefined()).isTrue();
    assertThat(a.activating().reason())
        .isEqualTo("fewer than 10 releases scored on both swe_bench_verified and hle (n=6)");
  }

  @Test
  void weakCorrelationIsNotActivation() {
    FrontierConfig three = ConfigBuilder.defaults().activationMinModels(3).build();
    // GPQA 88 94 93 against IFEval 90 80 85: Sxy = −30, Sxx = 62/3, Syy = 50, r = −0.933.
    AxisActivation a = Saturation.activation(seven(), GPQA, IFEVAL, three);
    assertThat(a.r().value()).isCloseTo(-30 / Math.sqrt(62.0 / 3 * 50), within(1e-12));
    assertThat(a.activating().value()).isFalse();
  }

  @Test
  void activationsPairEachActiveAxisWithEachExtraAxis() {
    assertThat(Saturation.activations(seven(), DEFAULTS))
        .extracting(AxisActivation::activeAxis, AxisActivation::candidateAxis)
        .containsExactly(
            tuple(SWE, HLE), tuple(SWE, IFEVAL), tuple(GPQA, HLE), tuple(GPQA, IFEVAL));
  }

  /** Pearson r written out independently of the main code, for the test. */
  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  }
}
