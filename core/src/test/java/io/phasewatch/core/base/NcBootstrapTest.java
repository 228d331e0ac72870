package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NcBootstrapTest {

  /** §1.4's table in CAPE's order, x from N in parameters as CAPE computes it. */
  private static double[] capeX() {
    double[] n = {7e7, 1.6e8, 4.1e8, 1e9, 1.4e9, 2.8e9, 6.9e9, 1.2e10, 7e9, 1.3e10, 6.5e10, 7e9,
        1.3e10, 7e10};
    double[] x = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      x[i] = Math.log10(n[i]);
    }
    return x;
  }

  private static double[] capeTqa() {
    return ReferencePanels.HEADLINE.stream().mapToDouble(ModelPoint::b2).toArray();
  }

  @Test
  void reproducesCapesPublishedBootstrapDrawForDraw() {
    // CAPE data/bootstrap_Nc_results.json (numpy legacy MT19937, seed 42, 10,000 resamples):
    // kept 9953, median 3.493917613e9, 95% [2.916465746e9, 1.340420167e10],
    // 68% [3.148170092e9, 4.326423284e9].
    NcBootstrap b = NcBootstrap.ofArrays(capeX(), capeTqa(), NcBootstrap.Config.defaults()).value();
    assertThat(b.kept()).isEqualTo(9953);
    assertThat(b.resamples()).isEqualTo(10_000);
    assertThat(b.medianB()).isCloseTo(3.493917613, within(1e-6));
    assertThat(b.ci95B().lo()).isCloseTo(2.916465746, within(1e-6));
    assertThat(b.ci95B().hi()).isCloseTo(13.40420167, within(1e-5));
    assertThat(b.ci68B().lo()).isCloseTo(3.148170092, within(1e-6));
    assertThat(b.ci68B().hi()).isCloseTo(4.326423284, within(1e-6));
  }

  @Test
  void sortedPanelLandsOnTheMethodFiguresWithinTolerance() {
    // Sorting by size changes which model each index draws, so this is another draw of the
    // same bootstrap: METHOD.md's tolerances apply.
    NcBootstrap b = NcBootstrap.of(ReferencePanels.HEADLINE, NcBootstrap.Config.defaults()).value();
    assertThat(b.medianB()).isCloseTo(3.49, within(3.49 * 0.02));
    assertThat(b.ci95B().lo()).isCloseTo(2.92, within(2.92 * 0.02));
    assertThat(b.ci95B().hi()).isBetween(12.0, 16.5);
    assertThat(b.kept()).isBetween(9953 - 50, 9953 + 50);
    assertThat(b.ci68B().lo()).isCloseTo(3.15, within(3.15 * 0.03));
    assertThat(b.ci68B().hi()).isCloseTo(4.33, within(4.33 * 0.03));
  }

  @Test
  void listOrderDoesNotChangeTheAnswer() {
    List<ModelPoint> reversed = new ArrayList<>(ReferencePanels.HEADLINE);
    Collections.reverse(reversed);
    NcBootstrap.Config cfg = new NcBootstrap.Config(500, 9, 7, 12);
    assertThat(NcBootstrap.of(reversed, cfg)).isEqualTo(NcBootstrap.of(ReferencePanels.HEADLINE, cfg));
  }

  @Test
  void everyResampleRejectedIsUndefined() {
    // B2 = (x − 10)² exactly: every resample with 3 sizes has its vertex at x = 10, outside 11..12.
    List<ModelPoint> panel = new ArrayList<>();
    for (double x = 8.5; x <= 11.5; x += 0.5) {
      panel.add(new ModelPoint("m" + x, Math.pow(10, x - 9), 50, (x - 10) * (x - 10)));
    }
    var out = NcBootstrap.of(panel, new NcBootstrap.Config(200, 42, 11, 12));
    assertThat(out.isDefined()).isFalse();
    assertThat(out.reason()).startsWith("every resample was rejected");
    // With the default window they are all kept, at 10B.
    NcBootstrap b = NcBootstrap.of(panel, new NcBootstrap.Config(200, 42, 7, 12)).value();
    assertThat(b.medianB()).isCloseTo(10.0, within(1e-6));
    assertThat(b.ci95B().lo()).isCloseTo(10.0, within(1e-6));
  }

  @Test
  void degeneratePanelsAreUndefined() {
    assertThat(NcBootstrap.of(ReferencePanels.HEADLINE.subList(0, 2), NcBootstrap.Config.defaults())
        .reason()).isEqualTo("fewer than 3 models (n=2)");
    List<ModelPoint> twoSizes = List.of(new ModelPoint("a", 1, 1, 1), new ModelPoint("b", 1, 2, 2),
        new ModelPoint("c", 2, 3, 3), new ModelPoint("d", 2, 4, 3));
    assertThat(NcBootstrap.of(twoSizes, NcBootstrap.Config.defaults()).reason())
        .isEqualTo("fewer than 3 distinct sizes (2)");
  }
}
