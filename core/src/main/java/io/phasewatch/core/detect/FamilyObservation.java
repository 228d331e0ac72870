package io.phasewatch.core.detect;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A family diagnosis as the detector reads it, with the pooled N_c of the reference panel it is
 * judged against (METHOD.md §2).
 *
 * @param models the family's models, sorted by size (then id) on construction
 * @param pooledNc the reference panel's N_c with its 95% CI, when defined
 * @param pooledPanel the reference panel's name
 */
public record FamilyObservation(
    String family, List<SizedModel> models, Optional<NcEstimate> pooledNc, String pooledPanel) {
  public FamilyObservation {
    Objects.requireNonNull(family, "family");
    models = models.stream()
        .sorted(Comparator.comparingDouble(SizedModel::paramsB).thenComparing(SizedModel::model))
        .toList();
    pooledNc = pooledNc == null ? Optional.empty() : pooledNc;
    pooledPanel = pooledPanel == null ? "" : pooledPanel;
  }
}
