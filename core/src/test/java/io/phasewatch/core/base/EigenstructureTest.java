package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.stats.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EigenstructureTest {

  @Test
  void diagonalCovarianceGivesItsVariancesAsEigenvalues() {
    // Columns 2·(1,1,−1,−1) and (1,−1,1,−1) are uncorrelated: variances 16/3 and 4/3,
    // d_eff = (20/3)² / ((16/3)² + (4/3)²) = 400/272 = 25/17, leading share 16/20.
    double[][] s = {{2, 1}, {2, -1}, {-2, 1}, {-2, -1}};
    Eigenstructure e = Eigenstructure.of(s).value();
    assertThat(e.eigenvalues().get(0)).isCloseTo(16.0 / 3, within(1e-12));
    assertThat(e.eigenvalues().get(1)).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(e.dEff()).isCloseTo(25.0 / 17, within(1e-12));
    assertThat(e.leadingShare()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void equalIndependentVariancesSpreadOverEveryAxis() {
    double[][] s = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    Eigenstructure e = Eigenstructure.of(s).value();
    assertThat(e.dEff()).isCloseTo(3.0, within(1e-12));
    assertThat(e.leadingShare()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void oneFactorGivesOneEffectiveDimension() {
    double[][] s = {{1, 2, 3}, {2, 4, 6}, {3, 6, 9}, {5, 10, 15}};
    Eigenstructure e = Eigenstructure.of(s).value();
    assertThat(e.dEff()).isCloseTo(1.0, within(1e-9));
    assertThat(e.leadingShare()).isCloseTo(1.0, within(1e-9));
    assertThat(e.eigenvalues()).allMatch(v -> v >= 0);
  }

  @Test
  void undefinedForConstantScoresOrTooFewModels() {
    assertThat(Eigenstructure.of(new double[][] {{1, 2}, {1, 2}, {1, 2}}).reason())
        .isEqualTo("the scores have no variance on any axis");
    assertThat(Eigenstructure.of(new double[][] {{1, 2}, {3, 4}}).reason())
        .isEqualTo("fewer than 3 models (n=2)");
    assertThat(Eigenstructure.of(new double[][] {{1}, {3}, {4}}).reason())
        .isEqualTo("fewer than 2 axes (k=1)");
  }

  @Test
  void perPhaseGroupsDeepPhasesWithTheirCoarsePhase() {
    double[][] s = {{2, 1}, {2, -1}, {-2, 1}, {-2, -1}, {1, 2}, {2, 4}, {3, 6}};
    List<Phase> phases = List.of(Phase.TAX, Phase.DEEP_TAX, Phase.TAX, Phase.TAX,
        Phase.BONUS, Phase.DEEP_BONUS, Phase.BONUS);
    Map<Phase, Outcome<Eigenstructure>> out = Eigenstructure.perPhase(phases, s);
    assertThat(out).containsOnlyKeys(Phase.TAX, Phase.BONUS);
    assertThat(out.get(Phase.TAX).value().dEff()).isCloseTo(25.0 / 17, within(1e-12));
    assertThat(out.get(Phase.BONUS).value().dEff()).isCloseTo(1.0, within(1e-9));
  }
}
