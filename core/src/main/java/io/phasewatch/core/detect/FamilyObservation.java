package io.phasewatch.core.detect;

import io.phasewatch.core.diagnosis.PanelDiagnosis;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A family diagnosis as the detector reads it, with the reference panel it is judged against
 * (METHOD.md §2).
 *
 * @param models the family's models, sorted by size (then id) on construction
 * @param pooledNc the reference panel's N_c with its 95% CI, when defined
 * @param pooledPanel the reference panel's name
 * @param pooledQuadratic the reference panel's full-data fit B2 = a·x² + b·x + c, for the h(D)
 *     residual B2 − quadratic(x) of a model (§2), when defined
 * @param familyNc the family's own bootstrap N_c with its 95% CI (§1.4 per family), when defined
 */
public record FamilyObservation(
    String family, List<SizedModel> models, Optional<NcEstimate> pooledNc, String pooledPanel,
    Optional<PanelDiagnosis.Quadratic> pooledQuadratic, Optional<NcEstimate> familyNc) {
  public FamilyObservation {
    Objects.requireNonNull(family, "family");
    models = models.stream()
        .sorted(Comparator.comparingDouble(SizedModel::paramsB).thenComparing(SizedModel::model))
        .toList();
    pooledNc = pooledNc == null ? Optional.empty() : pooledNc;
    pooledPanel = pooledPanel == null ? "" : pooledPanel;
    pooledQuadratic = pooledQuadratic == null ? Optional.empty() : pooledQuadratic;
    familyNc = familyNc == null ? Optional.empty() : familyNc;
  }

  /** Without the reference panel's fit and the family's own estimate. */
  public FamilyObservation(
      String family, List<SizedModel> models, Optional<NcEstimate> pooledNc, String pooledPanel) {
    this(family, models, pooledNc, pooledPanel, Optional.empty(), Optional.empty());
  }
}
