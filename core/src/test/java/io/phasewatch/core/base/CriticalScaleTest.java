package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalScaleTest {

  @Test
  void headlineQuadraticMatchesMethodFigures() {
    CriticalScale.VertexEstimate v = CriticalScale.quadraticVertex(ReferencePanels.HEADLINE).value();
    // METHOD.md §1.4: 4.532x² − 86.42x + 447.8, vertex 3.43B; numpy.polyfit to more digits:
    // 4.531646165, −86.420606809, 447.766974122, N_c = 3.4295197B.
    assertThat(v.fit().a()).isCloseTo(4.531646165, within(1e-7));
    assertThat(v.fit().b()).isCloseTo(-86.420606809, within(1e-6));
    assertThat(v.fit().c()).isCloseTo(447.766974122, within(1e-5));
    assertThat(v.ncB()).isCloseTo(3.4295197, within(1e-6));
    assertThat(v.vertexX()).isCloseTo(Math.log10(3.4295197e9), within(1e-7));
  }

  @Test
  void noValleyMeansNoCriticalScale() {
    List<ModelPoint> hill = List.of(new ModelPoint("a", 0.1, 30, 30), new ModelPoint("b", 1, 40, 40),
        new ModelPoint("c", 10, 50, 41), new ModelPoint("d", 100, 60, 30));
    assertThat(CriticalScale.quadraticVertex(hill).reason()).startsWith("no valley");
  }

  @Test
  void familyVertexNeedsFourSizes() {
    List<ModelPoint> llama1 = ReferencePanels.headlineFamily("Llama-1");
    assertThat(CriticalScale.familyVertex(llama1, 4).reason()).isEqualTo("fewer than 4 sizes (3)");
    // Pythia alone: TQA keeps falling, the fitted parabola has its vertex beyond 12B.
    CriticalScale.VertexEstimate p =
        CriticalScale.familyVertex(ReferencePanels.headlineFamily("Pythia"), 4).value();
    assertThat(p.ncB()).isEqualTo(CriticalScale.quadraticVertex(
        ReferencePanels.headlineFamily("Pythia")).value().ncB());
  }

  @Test
  void gammaZeroCrossingMatchesCapesReleasedComputation() {
    // CAPE data/bootstrap_Nc_results.json: slope 0.7426141461625871, intercept
    // −7.184781530416261, Nc_full_fit 4.731360988761093e9 (12 intervals).
    CriticalScale.GammaZeroCrossing z =
        CriticalScale.gammaZeroCrossing(ReferencePanels.HEADLINE, 0.5).value();
    assertThat(z.intervals()).isEqualTo(12);
    assertThat(z.fit().slope()).isCloseTo(0.7426141461625871, within(1e-9));
    assertThat(z.fit().intercept()).isCloseTo(-7.184781530416261, within(1e-8));
    assertThat(z.ncB()).isCloseTo(4.731360988761093, within(1e-6));
  }

  @Test
  void gammaZeroCrossingIsOrderFree() {
    List<ModelPoint> shuffled = new ArrayList<>(ReferencePanels.HEADLINE);
    Collections.reverse(shuffled);
    assertThat(CriticalScale.gammaZeroCrossing(shuffled, 0.5).value().ncB())
        .isEqualTo(CriticalScale.gammaZeroCrossing(ReferencePanels.HEADLINE, 0.5).value().ncB());
  }

  @Test
  void gammaZeroCrossingOnAHandMadeLine() {
    // Unit B1 steps, ΔB2 = γ chosen so γ = x_mid − 10 at midpoints 9.5, 10.5, 11.5 (sizes 10^9..10^12):
    // the line crosses zero at x = 10, N_c = 10B.
    List<ModelPoint> panel = List.of(new ModelPoint("a", 1, 10, 10),
        new ModelPoint("b", 10, 11, 10 - 0.5), new ModelPoint("c", 100, 12, 9.5 + 0.5),
        new ModelPoint("d", 1000, 13, 10 + 1.5));
    CriticalScale.GammaZeroCrossing z = CriticalScale.gammaZeroCrossing(panel, 0.5).value();
    assertThat(z.fit().slope()).isCloseTo(1.0, within(1e-12));
    assertThat(z.zeroX()).isCloseTo(10.0, within(1e-12));
    assertThat(z.ncB()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void gammaZeroCrossingUndefinedForAFlatLineOrTooFewIntervals() {
    List<ModelPoint> flat = List.of(new ModelPoint("a", 1, 10, 10), new ModelPoint("b", 2, 11, 11),
        new ModelPoint("c", 4, 12, 12), new ModelPoint("d", 8, 13, 13));
    assertThat(CriticalScale.gammaZeroCrossing(flat, 0.5).reason()).contains("slope 0");
    assertThat(CriticalScale.gammaZeroCrossing(flat.subList(0, 3), 0.5).reason())
        .isEqualTo("fewer than 3 intervals with a γ12 (2)");
  }

  @Test
  void crossingIntervalIsTheLastTurnFromTaxToBonus() {
    List<ModelPoint> fam = List.of(
        new ModelPoint("1b", 1, 40, 40),
        new ModelPoint("2b", 2, 45, 38), // γ −0.4
        new ModelPoint("4b", 4, 50, 39), // γ +0.2
        new ModelPoint("8b", 8, 55, 37), // γ −0.4
        new ModelPoint("16b", 16, 55.2, 38), // skipped (ΔB1 0.2)
        new ModelPoint("32b", 32, 60, 41)); // γ from 16b: +3/4.8 = 0.625
    CriticalScale.CrossingInterval c = CriticalScale.crossingInterval(fam, 0.5).value();
    assertThat(c.fromModel()).isEqualTo("8b");
    assertThat(c.toModel()).isEqualTo("32b");
    assertThat(c.fromGamma12()).isCloseTo(-0.4, within(1e-12));
    assertThat(c.toGamma12()).isCloseTo(0.625, within(1e-12));
  }

  @Test
  void noCrossingWhenGammaNeverTurnsPositive() {
    assertThat(CriticalScale.crossingInterval(ReferencePanels.pythia(), 0.5).reason())
        .contains("never turns from negative to positive");
    // Llama-1 has a γ12 at 13B and 65B, both positive: no sign change.
    assertThat(CriticalScale.crossingInterval(ReferencePanels.headlineFamily("Llama-1"), 0.5)
        .isDefined()).isFalse();
    assertThat(CriticalScale.crossingInterval(ReferencePanels.pythia().subList(0, 2), 0.5).reason())
        .isEqualTo("fewer than 2 sizes carry a γ12 (1)");
  }
}
