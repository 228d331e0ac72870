package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationDecayTest {

  private static final LocalDate DAY0 = LocalDate.parse("2025-01-01");

  /** Releases on consecutive days from DAY0 + {@code firstDay}, named by day. */
  static List<Release> daily(int firstDay, double[] b1, double[] b2) {
    List<Release> out = new ArrayList<>();
    for (int i = 0; i < b1.length; i++) {
      int day = firstDay + i;
      out.add(Release.of(String.format("d%03d", day), "lab", DAY0.plusDays(day), b1[i], b2[i]));
    }
    return out;
  }

  private static double r(double[] x, double[] y, int from, int to) {
    return SaturationTest.pearson(Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(y, from, to));
  }

  @Test
  void releaseOrderIsByDateThenModelIdAndLeavesUndatedOut() {
    List<Release> rs = List.of(
        Release.of("zeta", "A", LocalDate.parse("2025-03-01"), 1, 1),
        Release.of("beta", "B", LocalDate.parse("2025-02-01"), 1, 1),
        Release.of("alpha", "C", LocalDate.parse("2025-03-01"), 1, 1),
        Release.undated("undated", "D", 1, 1));
    assertThat(CorrelationDecay.inReleaseOrder(rs)).extracting(Release::model)
        .containsExactly("beta", "alpha", "zeta");
  }

  @Test
  void rollingRIsPearsonOverEachFullWindowOfConsecutiveReleases() {
    double[] x = {30, 50, 40, 60, 20, 70};
    double[] y = {40, 55, 52, 70, 38, 60};
    FrontierConfig c = ConfigBuilder.defaults().window(4, 3).build();
    List<CorrelationWindow> rolling = CorrelationDecay.rolling(daily(0, x, y), c);
    assertThat(rolling).hasSize(3);
    for (int i = 0; i < 3; i++) {
      CorrelationWindow w = rolling.get(i);
      assertThat(w.fromIndex()).isEqualTo(i);
      assertThat(w.n()).isEqualTo(4);
      assertThat(w.r().value()).isCloseTo(r(x, y, i, i + 4), within(1e-12));
    }
    // numpy.corrcoef on the last window gives 0.8787003550655534.
    assertThat(rolling.get(2).r().value()).isCloseTo(0.8787003550655534, within(1e-12));
    assertThat(rolling.get(2).firstModel()).isEqualTo("d002");
    assertThat(rolling.get(2).lastDate()).isEqualTo(DAY0.plusDays(5));
    assertThat(rolling.get(2).b1Range()).isEqualTo(70.0 - 20.0);
  }

  @Test
  void expandingRStartsAtTheMinimumN() {
    double[] x = {30, 50, 40, 60, 20, 70};
    double[] y = {40, 55, 52, 70, 38, 60};
    FrontierConfig c = ConfigBuilder.defaults().window(4, 3).build();
    List<CorrelationWindow> expanding = CorrelationDecay.expanding(daily(0, x, y), c);
    assertThat(expanding).extracting(CorrelationWindow::n).containsExactly(3, 4, 5, 6);
    for (CorrelationWindow w : expanding) {
      assertThat(w.fromIndex()).isZero();
      assertThat(w.r().value()).isCloseTo(r(x, y, 0, w.n()), within(1e-12));
    }
  }

  @Test
  void windowWithConstantB2HasUndefinedR() {
    double[] x = {1, 2, 3, 4};
    double[] y = {5, 5, 5, 5};
    FrontierConfig c = ConfigBuilder.defaults().window(4, 3).build();
    assertThat(CorrelationDecay.rolling(daily(0, x, y), c).get(0).r().reason())
        .isEqualTo("every release has the same B2 (5.0)");
  }

  @Test
  void fisherZMatchesTheHandFormula() {
    // z = (atanh 0.3 − atanh 0.8) / sqrt(2/17); scipy: −2.3005807418448727, p 0.02141534061640101.
    FisherZTest f = CorrelationDecay.fisherZ(0.8, 20, 0.3, 20, 0.05).value();
    assertThat(f.z()).isCloseTo(-2.3005807418448727, within(1e-12));
    assertThat(f.p()).isCloseTo(0.02141534061640101, within(1e-12));
    assertThat(f.rejects()).isTrue();
    assertThat(f.significantFall()).isTrue();
    // Unequal sizes: (atanh 0.7 − atanh 0.6) / sqrt(1/9 + 1/27); scipy p 0.6509349890226435.
    FisherZTest g = CorrelationDecay.fisherZ(0.6, 12, 0.7, 30, 0.05).value();
    assertThat(g.z()).isCloseTo(0.4524636683166816, within(1e-12));
    assertThat(g.p()).isCloseTo(0.6509349890226435, within(1e-12));
    assertThat(g.rejects()).isFalse();
  }

  @Test
  void fisherZIsUndefinedForTinyWindowsOrPerfectCorrelation() {
    assertThat(CorrelationDecay.fisherZ(0.8, 3, 0.3, 20, 0.05).reason())
        .isEqualTo("Fisher z needs more than 3 releases per window (baseline n=3, latest n=20)");
    assertThat(CorrelationDecay.fisherZ(1.0, 10, 0.3, 20, 0.05).reason())
        .isEqualTo("the baseline window's r is 1.0; atanh is infinite");
    assertThat(CorrelationDecay.fisherZ(0.5, 10, -1.0, 20, 0.05).reason())
        .isEqualTo("the latest window's r is -1.0; atanh is infinite");
  }

  @Test
  void levelsFollowTheWarningAndFalsificationThresholds() {
    FrontierConfig c = FrontierConfig.defaults();
    assertThat(CorrelationDecay.level(0.5, c)).isEqualTo(CouplingLevel.OK);
    assertThat(CorrelationDecay.level(0.4999, c)).isEqualTo(CouplingLevel.DECAYED);
    assertThat(CorrelationDecay.level(0.3, c)).isEqualTo(CouplingLevel.DECAYED);
    assertThat(CorrelationDecay.level(0.2999, c)).isEqualTo(CouplingLevel.BROKEN);
    assertThat(CorrelationDecay.level(-0.9, c)).isEqualTo(CouplingLevel.BROKEN);
  }

  private static final double[] X = {10, 20, 30, 40, 50, 60};
  private static final double[] TIGHT = {10, 20.5, 29.5, 40.3, 49.7, 60}; // r = 0.99981
  private static final double[] LOOSE = {25, 5, 40, 30, 62, 48}; // r = 0.74742
  private static final double[] WEAK = {40, -10, 55, 15, 70, 40}; // r = 0.37333
  private static final double[] NONE = {50, 10, 60, 5, 55, 20}; // r = −0.15318

  private static List<Release> twoWindows(double[] baselineB2, double[] x2, double[] latestB2) {
    List<Release> rs = new ArrayList<>(daily(0, X, baselineB2));
    rs.addAll(daily(6, x2, latestB2));
    return rs;
  }

  private static final FrontierConfig SIX = ConfigBuilder.defaults().window(6, 3).build();

  @Test
  void significantFallFromTheBaselineIsDecayEvenAboveTheWarningLevel() {
    DecayAssessment a = CorrelationDecay.assess(twoWindows(TIGHT, X, LOOSE), SIX);
    assertThat(a.latest().value().r().value()).isCloseTo(0.7474214989129322, within(1e-12));
    assertThat(a.baseline().value().r().value()).isCloseTo(0.9998145224918351, within(1e-12));
    // scipy: z = −4.501829577067308, p = 6.737e-06.
    assertThat(a.fisher().value().z()).isCloseTo(-4.501829577067308, within(1e-9));
    assertThat(a.level().value()).isEqualTo(CouplingLevel.DECAYED);
    assertThat(a.narrowB1Range()).isFalse();
    assertThat(a.alert()).isTrue();
    assertThat(a.rolling()).hasSize(7);
  }

  @Test
  void rollingRBelowHalfIsDecayedAndBelowPointThreeIsBroken() {
    DecayAssessment weak = CorrelationDecay.assess(twoWindows(TIGHT, X, WEAK), SIX);
    assertThat(weak.latest().value().r().value()).isCloseTo(0.3733266964732787, within(1e-12));
    assertThat(weak.level().value()).isEqualTo(CouplingLevel.DECAYED);
    DecayAssessment none = CorrelationDecay.assess(twoWindows(TIGHT, X, NONE), SIX);
    assertThat(none.latest().value().r().value()).isCloseTo(-0.15317861192359064, within(1e-12));
    assertThat(none.level().value()).isEqualTo(CouplingLevel.BROKEN);
    assertThat(none.alert()).isTrue();
  }

  @Test
  void significantRiseIsNotDecay() {
    DecayAssessment a = CorrelationDecay.assess(twoWindows(LOOSE, X, TIGHT), SIX);
    assertThat(a.fisher().value().rejects()).isTrue();
    assertThat(a.fisher().value().z()).isCloseTo(4.501829577067308, within(1e-9));
    assertThat(a.level().value()).isEqualTo(CouplingLevel.OK);
    assertThat(a.alert()).isFalse();
  }

  @Test
  void narrowB1RangeHoldsTheAlertBack() {
    double[] narrowX = {70, 71, 72, 73, 74, 75};
    DecayAssessment a = CorrelationDecay.assess(twoWindows(TIGHT, narrowX, NONE), SIX);
    assertThat(a.latest().value().b1Range()).isEqualTo(5.0);
    assertThat(a.level().value()).isEqualTo(CouplingLevel.BROKEN);
    assertThat(a.narrowB1Range()).isTrue();
    assertThat(a.alert()).isFalse();
    FrontierConfig lenient = ConfigBuilder.defaults().window(6, 3).minRange(5).build();
    assertThat(CorrelationDecay.assess(twoWindows(TIGHT, narrowX, NONE), lenient).alert()).isTrue();
  }

  @Test
  void fisherNeedsTwoWindowsThatDoNotOverlap() {
    List<Release> rs = twoWindows(TIGHT, X, LOOSE).subList(0, 11);
    DecayAssessment a = CorrelationDecay.assess(rs, SIX);
    assertThat(a.fisher().reason())
        .isEqualTo(
            "the latest window overlaps the baseline window (needs 12 dated releases, n=11)");
    assertThat(a.level().isDefined()).isTrue();
  }

  @Test
  void levelIsUndefinedBeforeOneFullWindowAndUndatedReleasesAreCounted() {
    List<Release> rs = new ArrayList<>(daily(0, X, TIGHT).subList(0, 5));
    rs.add(Release.undated("no-date", "lab", 35, 36));
    DecayAssessment a = CorrelationDecay.assess(rs, SIX);
    assertThat(a.datedReleases()).isEqualTo(5);
    assertThat(a.undatedReleases()).isEqualTo(1);
    assertThat(a.rolling()).isEmpty();
    assertThat(a.level().reason()).isEqualTo("fewer dated releases than one window (n=5 < 6)");
    assertThat(a.alert()).isFalse();
    assertThat(a.expanding()).extracting(CorrelationWindow::n).containsExactly(3, 4, 5);
  }
}
