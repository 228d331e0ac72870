package io.phasewatch.core.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossPredictionTest {

  @Test
  void llama2FromPythiaAndLlama1MatchesMethodFigures() {
    List<ModelPoint> train = new ArrayList<>(ReferencePanels.headlineFamily("Pythia"));
    train.addAll(ReferencePanels.headlineFamily("Llama-1"));
    CrossPrediction cp = CrossPrediction.of(train, ReferencePanels.headlineFamily("Llama-2")).value();
    // METHOD.md §1.8: −8.53%, −2.28%, −6.13%, mean 5.65% (numpy: −8.52759, −2.27790, −6.13090,
    // mean 5.64546).
    assertThat(cp.predictions()).extracting(CrossPrediction.Prediction::model)
        .containsExactly("Llama-2 7B", "Llama-2 13B", "Llama-2 70B");
    assertThat(cp.predictions().get(0).signedErrorPct()).isCloseTo(-8.52759, within(1e-4));
    assertThat(cp.predictions().get(1).signedErrorPct()).isCloseTo(-2.27790, within(1e-4));
    assertThat(cp.predictions().get(2).signedErrorPct()).isCloseTo(-6.13090, within(1e-4));
    assertThat(cp.meanAbsErrorPct()).isCloseTo(5.64546, within(1e-4));
  }

  @Test
  void undefinedWhenTheTrainingPanelHasTooFewSizes() {
    assertThat(CrossPrediction.of(ReferencePanels.headlineFamily("Llama-1").subList(0, 2),
        ReferencePanels.headlineFamily("Llama-2")).reason())
        .isEqualTo("fewer than 3 distinct sizes (2)");
    assertThat(CrossPrediction.of(ReferencePanels.HEADLINE, List.of()).reason())
        .isEqualTo("no models to predict");
  }
}
