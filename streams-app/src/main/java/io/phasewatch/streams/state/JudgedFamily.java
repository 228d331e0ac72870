package io.phasewatch.streams.state;

import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import java.util.Map;
import java.util.Objects;

/**
 * The family diagnosis the detector last judged, with the sources of its scores: kept so that the
 * family can be judged again when the reference panel's N_c moves without the family changing.
 */
public record JudgedFamily(FamilyDiagnosis diagnosis, Map<String, Map<String, String>> sources) {
  public JudgedFamily {
    Objects.requireNonNull(diagnosis, "diagnosis");
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  public static JudgedFamily of(Diagnosed<FamilyDiagnosis> d) {
    return new JudgedFamily(d.diagnosis(), d.sources());
  }

  public Diagnosed<FamilyDiagnosis> diagnosed() {
    return new Diagnosed<>(diagnosis, sources);
  }
}
