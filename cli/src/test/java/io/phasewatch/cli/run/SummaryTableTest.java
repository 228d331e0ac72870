package io.phasewatch.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.cli.Figures;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
  private static final DiagnosisConfig CONFIG = DiagnosisConfig.defaults().withBootstrap(100, 42);

  @Test
  void familiesShowLargestSizeGammaPhaseAndCrossingBySize() {
    // γ12 (38 − 40)/(50 − 40) = −0.20 for 1B→2B, (42 − 38)/(60 − 50) = +0.40 for 2B→4B
    FamilyDiagnosis fam = Diagnoses.family("fam", List.of(
        BaseModelPoint.of("Org/Fam-1B", "fam", 1, 40, 40),
        BaseModelPoint.of("Org/Fam-2B", "fam", 2, 50, 38),
        BaseModelPoint.of("Org/Fam-4B", "fam", 4, 60, 42)), CONFIG);
    FamilyDiagnosis alone = Diagnoses.family("Alone", List.of(
        BaseModelPoint.of("a-70b", "Alone", 70, 80, 40)), CONFIG);

    String table = SummaryTable.format(List.of(fam, alone), List.of(), List.of());

    List<String> lines = table.lines().toList();
    assertThat(lines.get(1)).contains("family", "largest", "γ12", "phase", "crossing");
    // sorted ignoring case: Alone before fam
    assertThat(lines.get(2)).isEqualTo("  Alone    1    70.0B       —  —           —               —");
    assertThat(lines.get(3)).isEqualTo("  fam      3    4.00B   +0.40  bonus       2.00B → 4.00B   —");
    assertThat(table).endsWith("\n").doesNotContain("Org/Fam");
  }

  @Test
  void sizesKeepThreeSignificantFigures() {
    assertThat(Figures.billions(0.41)).isEqualTo("0.41B");
    assertThat(Figures.billions(2.1234)).isEqualTo("2.12B");
    assertThat(Figures.billions(30.64)).isEqualTo("30.6B");
    assertThat(Figures.billions(883.2)).isEqualTo("883B");
  }
}
