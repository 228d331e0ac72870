package io.phasewatch.cli.diagnose;

import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import java.util.List;
import java.util.Optional;

/**
 * The one JSON document {@code phasewatch diagnose --json} prints (shape documented in
 * docs/DIAGNOSE.md). {@code base} is null without a base panel, {@code frontier} null without a
 * frontier cohort.
 *
 * @param inputs what was read and with which settings
 * @param rejected every skipped row, in file then line order
 */
public record DiagnoseReport(
    int schemaVersion,
    String phasewatchVersion,
    Inputs inputs,
    Optional<Base> base,
    Optional<FrontierDiagnosis> frontier,
    List<Rejection> rejected) {

  public static final int SCHEMA_VERSION = 1;

  public DiagnoseReport {
    base = base == null ? Optional.empty() : base;
    frontier = frontier == null ? Optional.empty() : frontier;
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }

  /**
   * @param families one diagnosis per family, by family name
   * @param pooled the pooled panel: every row, or only {@code --panel-families}
   * @param paperPanel the paper's 14-model panel (with {@code --bundled} or {@code --paper-panel})
   */
  public record Base(
      List<FamilyDiagnosis> families, PanelDiagnosis pooled, Optional<PanelDiagnosis> paperPanel) {
    public Base {
      families = families == null ? List.of() : List.copyOf(families);
      paperPanel = paperPanel == null ? Optional.empty() : paperPanel;
    }
  }

  /**
   * @param panelFamilies the families pooled; empty means every family
   * @param resamples bootstrap resamples
   * @param seed seed of the bootstrap and of the Monte Carlo permutation test
   */
  public record Inputs(
      Optional<FileSummary> base,
      Optional<FileSummary> paperPanel,
      Optional<FileSummary> frontier,
      List<String> panelFamilies,
      int resamples,
      long seed) {
    public Inputs {
      base = base == null ? Optional.empty() : base;
      paperPanel = paperPanel == null ? Optional.empty() : paperPanel;
      frontier = frontier == null ? Optional.empty() : frontier;
      panelFamilies = panelFamilies == null ? List.of() : List.copyOf(panelFamilies);
    }
  }

  /**
   * @param file as given ({@code bundled:NAME} for the embedded snapshot)
   * @param rows data rows in the file
   * @param accepted rows used
   * @param rejected rows skipped (listed under {@code rejected})
   */
  public record FileSummary(String file, int rows, int accepted, int rejected) {}
}
