package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounded cost of DESIGN.md: the pooled panel (bootstrap N_c) is computed on wall-clock
 * punctuation, once per interval for a panel whose members changed, however many records arrived.
 */
class PanelDebounceTest {

  @Test
  void manyInputsCostOnePanelComputationPerIntervalAndTheResultIsExact() {
    try (TopologyFixture f = new TopologyFixture()) {
      PaperPanel.models().forEach(f::send);
      List<ScoreRecord> scores = PaperPanel.scores();
      scores.forEach(f::send);
      scores.forEach(f::send); // a re-published backfill on top

      assertThat(f.listener.computations(DiagnosisKind.PANEL)).isZero();
      assertThat(f.panelOut.isEmpty()).isTrue();

      f.tick();
      assertThat(f.listener.computations(DiagnosisKind.PANEL)).isEqualTo(1);
      List<PanelDiagnosis> published = f.panelOut.readValuesToList();
      assertThat(published).hasSize(1);
      PanelDiagnosis panel = published.get(0);
      assertThat(panel.panel()).isEqualTo("base");
      assertThat(panel.n()).isEqualTo(14);
      // METHOD.md §1.4: the full-data fit 4.532x² − 86.42x + 447.8 has its vertex at 3.43B
      assertThat(panel.ncVertexB().getAsDouble()).isCloseTo(3.43, within(0.01));
      assertThat(panel).isEqualTo(Diagnoses.panel("base", PaperPanel.points(),
          DiagnosisConfig.defaults().withBootstrap(f.settings.bootstrapResamples(),
              PhasewatchTopology.SEED)));

      f.tick();
      assertThat(f.listener.computations(DiagnosisKind.PANEL)).isEqualTo(1);

      f.send(TopologyFixture.score("primary", "pythia-12b", "truthfulqa", 33.0));
      f.send(TopologyFixture.score("primary", "pythia-12b", "truthfulqa", 32.9));
      assertThat(f.listener.computations(DiagnosisKind.PANEL)).isEqualTo(1);
      f.tick();
      assertThat(f.listener.computations(DiagnosisKind.PANEL)).isEqualTo(2);
      assertThat(f.panelOut.readValuesToList()).singleElement()
          .satisfies(p -> assertThat(p.models()).filteredOn(m -> m.model().equals("pythia-12b"))
              .singleElement().satisfies(m -> assertThat(m.b2()).isEqualTo(32.9)));
    }
  }

  @Test
  void aModelRetractedFromEveryPanelLeavesItAndAnEmptiedPanelIsTombstoned() {
    try (TopologyFixture f = new TopologyFixture()) {
      ModelRecord m = TopologyFixture.base("solo-1b", "solo", 1);
      f.send(m);
      f.send(TopologyFixture.score("primary", "solo-1b", "hellaswag", 40));
      f.send(TopologyFixture.score("primary", "solo-1b", "truthfulqa", 40));
      f.tick();
      assertThat(f.panelOut.readValuesToList()).singleElement()
          .satisfies(p -> assertThat(p.n()).isEqualTo(1));
      f.retract("primary", "solo-1b", "truthfulqa");
      f.tick();
      assertThat(f.panelOut.readKeyValuesToList()).singleElement()
          .satisfies(kv -> {
            assertThat(kv.key).isEqualTo("base");
            assertThat(kv.value).isNull();
          });
    }
  }
}
