package io.phasewatch.streams.state;

import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.stats.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * A family's last bootstrap N_c and what it was computed from ({@link Diagnoses#familyNcInputs}):
 * while a family's sizes and B2 stay the same, its diagnosis reuses this instead of bootstrapping
 * again.
 *
 * @param reason why the bootstrap is undefined, when it is
 */
public record FamilyNc(List<Diagnoses.NcInput> inputs, Optional<PanelDiagnosis.NcBootstrap> nc,
    Optional<String> reason) {
  public FamilyNc {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    nc = nc == null ? Optional.empty() : nc;
    reason = reason == null ? Optional.empty() : reason;
  }

  public static FamilyNc of(List<Diagnoses.NcInput> inputs,
      Outcome<PanelDiagnosis.NcBootstrap> nc) {
    return nc.isDefined()
        ? new FamilyNc(inputs, Optional.of(nc.value()), Optional.empty())
        : new FamilyNc(inputs, Optional.empty(), Optional.of(nc.reason()));
  }

  public Outcome<PanelDiagnosis.NcBootstrap> outcome() {
    return nc.isPresent() ? Outcome.of(nc.get()) : Outcome.undefined(reason.orElse("undefined"));
  }
}
