package io.phasewatch.core.diagnosis;

import java.util.Objects;
import java.util.Optional;

/**
 * What a family is judged against from its reference panel (METHOD.md §2, SCALE_ANOMALY): the
 * panel's name, size, bootstrap N_c and quadratic fit, without its models. Its JSON fields are
 * those of {@link PanelDiagnosis}, so it reads a panel diagnosis's JSON directly (the other
 * fields skipped): the detector holds this, not a diagnosis of thousands of models.
 */
public record PanelReference(String panel, int n, Optional<PanelDiagnosis.NcBootstrap> nc,
    Optional<PanelDiagnosis.Quadratic> quadratic) {
  public PanelReference {
    Objects.requireNonNull(panel, "panel");
    nc = nc == null ? Optional.empty() : nc;
    quadratic = quadratic == null ? Optional.empty() : quadratic;
  }

  public static PanelReference of(PanelDiagnosis d) {
    return new PanelReference(d.panel(), d.n(), d.nc(), d.quadratic());
  }
}
