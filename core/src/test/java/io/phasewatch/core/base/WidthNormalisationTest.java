package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WidthNormalisationTest {

  @Test
  void pythiaTurnsFromTaxToBonusPerWidth() {
    // METHOD.md §1.5: +0.9626 (scipy on HS/(d/512), TQA/(d/512): 0.962597333).
    assertThat(WidthNormalisation.r(ReferencePanels.pythia()).value())
        .isCloseTo(0.962597333, within(1e-8));
  }

  @Test
  void equalWidthsLeaveRUnchanged() {
    List<ModelPoint> same = ReferencePanels.pythia().stream()
        .map(m -> new ModelPoint(m.model(), m.paramsB(), m.b1(), m.b2(), OptionalInt.of(1024)))
        .toList();
    assertThat(WidthNormalisation.r(same).value()).isCloseTo(-0.988622347, within(1e-8));
  }

  @Test
  void undefinedWhenAWidthIsUnknown() {
    List<ModelPoint> fam = new ArrayList<>(ReferencePanels.pythia());
    fam.set(3, new ModelPoint("pythia-1b", 1.0, 49.7, 38.9));
    assertThat(WidthNormalisation.r(fam).reason()).isEqualTo("d_model unknown for pythia-1b");
  }
}
