package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingOdeTest {

  @Test
  void pythiaReproducesMethodErrors() {
    ScalingOde ode = ScalingOde.fit(ReferencePanels.pythiaX(), ReferencePanels.pythiaAxes()).value();
    // METHOD.md §1.8: 4.71, 1.24, 3.26, 1.48, 2.55%, mean 2.65% (numpy lstsq + scipy RK45 at
    // rtol 1e-10 give 4.7085, 1.2424, 3.2605, 1.4790, 2.5548; mean 2.6490).
    assertThat(ode.axisErrorPct()).hasSize(5);
    double[] expected = {4.71, 1.24, 3.26, 1.48, 2.55};
    for (int j = 0; j < 5; j++) {
      assertThat(ode.axisErrorPct().get(j)).isCloseTo(expected[j], within(0.005));
    }
    assertThat(ode.meanErrorPct()).isCloseTo(2.65, within(0.005));
    // The trajectory starts at the smallest model's scores.
    assertThat(ode.predicted()[0]).containsExactly(ReferencePanels.pythiaAxes()[0]);
  }

  @Test
  void aStraightLineIsFitAndIntegratedExactly() {
    // B = 3x + 2: every difference is 3, so C = 0, c0 = 3, and the trajectory is exact.
    double[] x = {9.0, 9.5, 9.7, 10.4, 11.0};
    double[][] b = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      b[i] = new double[] {3 * x[i] + 2};
    }
    ScalingOde ode = ScalingOde.fit(x, b).value();
    assertThat(ode.coupling()[0][0]).isCloseTo(0.0, within(1e-9));
    assertThat(ode.constant()[0]).isCloseTo(3.0, within(1e-8));
    assertThat(ode.meanErrorPct()).isCloseTo(0.0, within(1e-7));
  }

  @Test
  void exponentialGrowthIsIntegratedAlongTheFittedLine() {
    // Axis 1: B = 1 + (x−9) → constant slope 1; axis 2 chosen so that dB2/dx = B1 − 1 exactly at
    // midpoints (B2 = (x−9)²/2 + 5 has ΔB2/Δx = mean of (x−9), which is B̄1 − 1).
    double[] x = {9.0, 9.3, 9.9, 10.2, 10.8, 11.5};
    double[][] b = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double u = x[i] - 9;
      b[i] = new double[] {1 + u, u * u / 2 + 5};
    }
    // Three unknowns per axis, five intervals: but B̄1 and B̄2 are not collinear, so C is determined.
    ScalingOde ode = ScalingOde.fit(x, b).value();
    assertThat(ode.coupling()[1][0]).isCloseTo(1.0, within(1e-9));
    assertThat(ode.coupling()[1][1]).isCloseTo(0.0, within(1e-9));
    assertThat(ode.constant()[1]).isCloseTo(-1.0, within(1e-9));
    assertThat(ode.axisErrorPct()).allSatisfy(e -> assertThat(e).isCloseTo(0.0, within(1e-6)));
  }

  @Test
  void undefinedWithTooFewIntervalsOrCollinearScores() {
    double[][] axes = ReferencePanels.pythiaAxes();
    double[] x = ReferencePanels.pythiaX();
    assertThat(ScalingOde.fit(java.util.Arrays.copyOf(x, 6), java.util.Arrays.copyOf(axes, 6)).reason())
        .isEqualTo("5 intervals cannot determine 6 coefficients per axis (k=5 axes plus a constant)");
    double[][] collinear = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      collinear[i] = new double[] {2 * x[i], 3 * x[i] + 1};
    }
    assertThat(ScalingOde.fit(x, collinear).reason()).contains("collinear");
    assertThat(ScalingOde.fit(new double[] {1, 2}, new double[][] {{1}, {2}}).reason())
        .isEqualTo("fewer than 3 models (n=2)");
  }

  @Test
  void sparseFitKeepsOnlyTheTermsThatGenerateTheData() {
    // Same exact system as above: dB1/dx = 1, dB2/dx = B1 − 1. Degree-3 library on 2 axes = 10
    // terms; with 11 intervals of uneven width the library has full column rank, so STLSQ must
    // keep "1" for B1 and "1", "B1" for B2.
    double[] x = {9.0, 9.1, 9.35, 9.4, 9.8, 9.85, 10.3, 10.4, 10.9, 11.2, 11.25, 11.9};
    double[][] b = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double u = x[i] - 9;
      b[i] = new double[] {1 + u, u * u / 2 + 5};
    }
    SparseScalingOde s =
        SparseScalingOde.fit(List.of("B1", "B2"), x, b, SparseScalingOde.Config.defaults()).value();
    assertThat(s.libraryTerms()).isEqualTo(10);
    assertThat(s.terms()).extracting(t -> t.axis() + ":" + t.monomial())
        .containsExactly("B1:1", "B2:1", "B2:B1");
    assertThat(s.terms().get(0).coefficient()).isCloseTo(1.0, within(1e-6));
    assertThat(s.terms().get(1).coefficient()).isCloseTo(-1.0, within(1e-6));
    assertThat(s.terms().get(2).coefficient()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void libraryNamesEveryMonomialUpToTheDegree() {
    List<int[]> mono = SparseScalingOde.monomials(5, 3);
    assertThat(mono).hasSize(56);
    List<String> names = mono.stream().map(m -> SparseScalingOde.name(m, List.of("HS", "TQA", "ARC", "WG", "MMLU"))).toList();
    assertThat(names).startsWith("1", "HS", "TQA").contains("HS^2·TQA", "MMLU^3", "HS·TQA·ARC")
        .doesNotHaveDuplicates();
  }

  @Test
  void sparseFitOnPythiaRunsAndNamesItsTerms() {
    SparseScalingOde s = SparseScalingOde.fit(List.of("HS", "TQA", "ARC", "WG", "MMLU"),
        ReferencePanels.pythiaX(), ReferencePanels.pythiaAxes(), SparseScalingOde.Config.defaults())
        .value();
    assertThat(s.libraryTerms()).isEqualTo(56);
    assertThat(s.terms()).allSatisfy(t -> assertThat(Math.abs(t.coefficient())).isGreaterThanOrEqualTo(0.1));
  }
}
