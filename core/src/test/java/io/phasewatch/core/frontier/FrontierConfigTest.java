package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontierConfigTest {

  @Test
  void defaultsAreTheValuesMethodNames() {
    FrontierConfig c = FrontierConfig.defaults();
    assertThat(c.b1Axis()).isEqualTo("swe_bench_verified");
    assertThat(c.b2Axis()).isEqualTo("gpqa_diamond");
    assertThat(c.codingSpecialistBelowH()).isEqualTo(-10);
    assertThat(c.reasoningSpecialistAboveH()).isEqualTo(10);
    assertThat(c.reallocationDeltaH()).isEqualTo(10);
    assertThat(c.predictionLevel()).isEqualTo(0.95);
    assertThat(c.saturationTopK()).isEqualTo(5);
    assertThat(c.rotateBelowSigma()).isEqualTo(0.2);
    assertThat(c.saturationAxes())
        .containsExactly("swe_bench_verified", "gpqa_diamond", "hle", "ifeval");
    assertThat(c.activationMinR()).isEqualTo(0.5);
    assertThat(c.decayedBelowR()).isEqualTo(0.5);
    assertThat(c.brokenBelowR()).isEqualTo(0.3);
    assertThat(c.fisherAlpha()).isEqualTo(0.05);
    assertThat(c.isoclineRatio()).isEqualTo(0.51);
  }

  @Test
  void rejectsSettingsNoFunctionCanHonour() {
    assertThatIllegalArgumentException().isThrownBy(() -> ConfigBuilder.defaults().topK(1).build())
        .withMessageContaining("saturationTopK");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConfigBuilder.defaults().window(3, 3).build())
        .withMessageContaining("rollingWindow");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConfigBuilder.defaults().labels(5, -5).build())
        .withMessageContaining("codingSpecialistBelowH");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConfigBuilder.defaults().axes(List.of("hle", "hle")).build())
        .withMessageContaining("saturationAxes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConfigBuilder.defaults().predictionLevel(1.0).build())
        .withMessageContaining("predictionLevel");
  }

  @Test
  void releaseRejectsScoresThatAreNotFinite() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Release.undated("m", "lab", Double.NaN, 50))
        .withMessage("m: b1 is not a finite score: NaN");
  }
}
