package io.phasewatch.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.SuggestedAction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlertTextTest {

  @Test
  void consoleLineSaysStateSeverityKindSubjectFiguresActionAndId() {
    var alert = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ConsoleSink("console", new PrintStream(bytes, true, StandardCharsets.UTF_8)).attempt(alert);

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
        "FIRED critical FRONTIER_COUPLING_BROKEN cohort=frontier: Rolling r of cohort frontier fell "
            + "to 0.21 (baseline 0.71) | r=0.21, r_baseline=0.71, n=14 | action: widen | id "
            + alert.id() + System.lineSeparator());
  }

  @Test
  void consoleSinkWritesTheLineAnEmbeddingCommandFormats() {
    var alert = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ConsoleSink("console", new PrintStream(bytes, true, StandardCharsets.UTF_8),
        a -> a.kind() + " " + a.subject()).attempt(alert);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("FRONTIER_COUPLING_BROKEN frontier" + System.lineSeparator());
  }

  @Test
  void evidenceTextHoldsIntervalWindowAndModelsWithSources() {
    var alert = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
    assertThat(AlertText.evidence(alert.evidence())).isEqualTo(
        "r=0.21, r_baseline=0.71, n=14; 95% interval of r [0.05, 0.4]; window 2026-05-01 to "
            + "2026-10-31; models: model-a (gpqa_diamond: epoch), model-b (gpqa_diamond: epoch, "
            + "swe_bench_verified: swebench)");
  }

  @Test
  void numbersKeepFourSignificantDigitsWithoutExponent() {
    assertThat(AlertText.number(0.123456)).isEqualTo("0.1235");
    assertThat(AlertText.number(3.5)).isEqualTo("3.5");
    assertThat(AlertText.number(13400.0)).isEqualTo("13400");
    assertThat(AlertText.number(-0.0001234567)).isEqualTo("-0.0001235");
    assertThat(AlertText.number(0.0)).isEqualTo("0");
  }

  @Test
  void actionNamesTheAxisToRotateTo() {
    assertThat(AlertText.action(SuggestedAction.rotateTo("hle", "GPQA no longer separates the top 5")))
        .isEqualTo("rotate_benchmark to hle: GPQA no longer separates the top 5");
    assertThat(AlertText.action(SuggestedAction.none())).isEqualTo("none");
  }
}
