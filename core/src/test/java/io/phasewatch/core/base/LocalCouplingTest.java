package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.stats.Outcome;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LocalCouplingTest {

  private static final PhaseRule RULE = PhaseRule.defaults();

  private static List<ModelPoint> family() {
    // Given out of order on purpose.
    return List.of(
        new ModelPoint("c", 4.0, 54.0, 33.0), // from b: ΔB1 = 4, ΔB2 = +2 → +0.5 bonus
        new ModelPoint("a", 1.0, 40.0, 40.0),
        new ModelPoint("d", 8.0, 54.3, 34.0), // ΔB1 = 0.3: skipped
        new ModelPoint("b", 2.0, 50.0, 31.0), // from a: ΔB1 = 10, ΔB2 = −9 → −0.9 tax
        new ModelPoint("e", 16.0, 64.3, 34.5)); // from d: ΔB1 = 10, ΔB2 = +0.5 → +0.05 transition
  }

  @Test
  void eachModelCarriesTheGammaOfTheIntervalEndingAtIt() {
    List<LocalCoupling.ModelCoupling> out = LocalCoupling.perModel(family(), 0.5, RULE);
    assertThat(out).extracting(m -> m.point().model()).containsExactly("a", "b", "c", "d", "e");
    assertThat(out.get(0).gamma12().reason()).contains("smallest model");
    assertThat(out.get(1).gamma12().value()).isCloseTo(-0.9, within(1e-12));
    assertThat(out.get(2).gamma12().value()).isCloseTo(0.5, within(1e-12));
    assertThat(out.get(3).gamma12().isDefined()).isFalse();
    assertThat(out.get(3).gamma12().reason()).contains("|ΔB1| = 0.30", "not above 0.50");
    assertThat(out.get(4).gamma12().value()).isCloseTo(0.05, within(1e-12));
    assertThat(out).extracting(m -> m.phase().orElse(null))
        .containsExactly(null, Phase.TAX, Phase.BONUS, null, Phase.TRANSITION);
  }

  @Test
  void theMinimumStepIsConfigurable() {
    List<LocalCoupling.ModelCoupling> out = LocalCoupling.perModel(family(), 0.2, RULE);
    // d from c: ΔB1 = 0.3 > 0.2, ΔB2 = 1 → γ12 = 3.333…
    assertThat(out.get(3).gamma12().value()).isCloseTo(1 / 0.3, within(1e-9));
  }

  @Test
  void aStepOfExactlyTheMinimumIsSkipped() {
    Outcome<Double> g = LocalCoupling.gamma12(
        new ModelPoint("a", 1, 40.0, 40), new ModelPoint("b", 2, 40.5, 41), 0.5);
    assertThat(g.isDefined()).isFalse();
  }

  @Test
  void intervalsSitAtTheirMidpointOnTheLogScale() {
    List<LocalCoupling.Interval> iv = LocalCoupling.intervals(family(), 0.5);
    assertThat(iv).hasSize(4);
    // 1B and 2B: x = 9 and 9.30103 → midpoint 9.150515.
    assertThat(iv.get(0).xMid()).isCloseTo(9 + Math.log10(2) / 2, within(1e-12));
    assertThat(iv.get(0).fromModel()).isEqualTo("a");
    assertThat(iv.get(0).toModel()).isEqualTo("b");
  }

  @Test
  void phasesFollowTheDeadBandInclusively() {
    assertThat(RULE.classify(-0.1)).isEqualTo(Phase.TRANSITION);
    assertThat(RULE.classify(0.1)).isEqualTo(Phase.TRANSITION);
    assertThat(RULE.classify(-0.1000001)).isEqualTo(Phase.TAX);
    assertThat(RULE.classify(0.1000001)).isEqualTo(Phase.BONUS);
    assertThat(RULE.classify(-5)).isEqualTo(Phase.TAX);
    assertThat(RULE.classify(5)).isEqualTo(Phase.BONUS);
  }

  @Test
  void deepPhasesAppearOnlyWhenConfigured() {
    PhaseRule deep = new PhaseRule(0.2, OptionalDouble.of(-0.8), OptionalDouble.of(1.5));
    assertThat(deep.classify(-0.15)).isEqualTo(Phase.TRANSITION);
    assertThat(deep.classify(-0.5)).isEqualTo(Phase.TAX);
    assertThat(deep.classify(-0.9)).isEqualTo(Phase.DEEP_TAX);
    assertThat(deep.classify(1.5)).isEqualTo(Phase.BONUS);
    assertThat(deep.classify(1.6)).isEqualTo(Phase.DEEP_BONUS);
    assertThat(Phase.DEEP_BONUS.coarse()).isEqualTo(Phase.BONUS);
    assertThat(Phase.DEEP_TAX.id()).isEqualTo("deep_tax");
  }

  @Test
  void pythiaIsInTheTaxPhaseExceptAFlatStep() {
    // §1.3 Pythia: γ12 = ΔTQA/ΔHS by hand, e.g. 70m→160m: −2.8/4.1 = −0.683; 1b→1.4b: 0/3.2 = 0.
    List<LocalCoupling.ModelCoupling> out =
        LocalCoupling.perModel(ReferencePanels.pythia(), 0.5, RULE);
    assertThat(out.get(1).gamma12().value()).isCloseTo(-2.8 / 4.1, within(1e-9));
    assertThat(out.get(4).gamma12().value()).isCloseTo(0.0, within(1e-12));
    assertThat(out).extracting(m -> m.phase().orElse(null)).containsExactly(
        null, Phase.TAX, Phase.TAX, Phase.TAX, Phase.TRANSITION, Phase.TAX, Phase.TAX, Phase.TAX);
  }
}
