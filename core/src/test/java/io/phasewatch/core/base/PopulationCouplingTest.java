package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.stats.PermutationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationCouplingTest {

  @Test
  void pythiaReproducesMethodFigures() {
    PopulationCoupling pc =
        PopulationCoupling.of(ReferencePanels.pythia(), PopulationCoupling.PermutationConfig.defaults());
    // METHOD.md §1.3: r = −0.9886, parametric p ≈ 3.7e-6, exact permutation p = 2/40320
    // (scipy.stats.pearsonr: r = −0.988622347, p = 3.6508e-6).
    assertThat(pc.n()).isEqualTo(8);
    assertThat(pc.r().value()).isCloseTo(-0.988622347, within(1e-8));
    assertThat(pc.pParametric().value()).isCloseTo(3.6508e-6, within(0.0005e-6));
    PermutationTest.Result perm = pc.permutation().value();
    assertThat(perm.exact()).isTrue();
    assertThat(perm.count()).isEqualTo(2);
    assertThat(perm.permutations()).isEqualTo(40_320);
    assertThat(perm.p()).isEqualTo(2.0 / 40_320);
  }

  @Test
  void listOrderDoesNotChangeTheMonteCarloAnswer() {
    List<ModelPoint> panel = new ArrayList<>(ReferencePanels.HEADLINE);
    PopulationCoupling.PermutationConfig cfg = new PopulationCoupling.PermutationConfig(2_000, 3);
    PopulationCoupling a = PopulationCoupling.of(panel, cfg);
    Collections.reverse(panel);
    PopulationCoupling b = PopulationCoupling.of(panel, cfg);
    assertThat(a.permutation().value().exact()).isFalse();
    assertThat(b).isEqualTo(a);
  }

  @Test
  void undefinedBelowThreeModels() {
    PopulationCoupling pc = PopulationCoupling.of(
        ReferencePanels.pythia().subList(0, 2), PopulationCoupling.PermutationConfig.defaults());
    assertThat(pc.r().reason()).isEqualTo("fewer than 3 models (n=2)");
    assertThat(pc.pParametric().isDefined()).isFalse();
    assertThat(pc.permutation().isDefined()).isFalse();
  }
}
