package io.phasewatch.core.detect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pooled panel's diagnosis as the detector reads it (METHOD.md §1.4).
 *
 * @param nc the bootstrap N_c with its 95% CI, when defined
 * @param models the panel's models (evidence)
 */
public record PanelObservation(String panel, int n, Optional<NcEstimate> nc,
    List<SizedModel> models) {
  public PanelObservation {
    Objects.requireNonNull(panel, "panel");
    nc = nc == null ? Optional.empty() : nc;
    models = models == null ? List.of() : List.copyOf(models);
  }
}
