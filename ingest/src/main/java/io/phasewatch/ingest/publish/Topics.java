package io.phasewatch.ingest.publish;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The topics of DESIGN.md under a configurable prefix ({@code phasewatch} by default, so
 * {@code phasewatch.scores.v1}); tests use a unique prefix each. Each topic comes with its
 * cleanup policy: current-state topics are compacted, event topics keep a retention window.
 */
public record Topics(String prefix) {
  public static final String DEFAULT_PREFIX = "phasewatch";
  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]+");

  /** A topic's name, what its key is, and its cleanup policy. */
  public record Spec(String name, String key, String cleanupPolicy) {}

  public Topics {
    if (prefix == null || !LEGAL.matcher(prefix).matches()) {
      throw new IllegalArgumentException("topic prefix must be letters, digits, '.', '_' or '-': " + prefix);
    }
  }

  public static Topics defaults() {
    return new Topics(DEFAULT_PREFIX);
  }

  public String scores() {
    return prefix + ".scores.v1";
  }

  public String models() {
    return prefix + ".models.v1";
  }

  public String rejected() {
    return prefix + ".rejected.v1";
  }

  public String familyDiagnosis() {
    return prefix + ".family-diagnosis.v1";
  }

  public String panelDiagnosis() {
    return prefix + ".panel-diagnosis.v1";
  }

  public String frontierDiagnosis() {
    return prefix + ".frontier-diagnosis.v1";
  }

  public String alerts() {
    return prefix + ".alerts.v1";
  }

  /** Every topic of the table in DESIGN.md. */
  public List<Spec> all() {
    return List.of(
        new Spec(scores(), "source|model_id|benchmark", "compact"),
        new Spec(models(), "model_id", "compact"),
        new Spec(rejected(), "original key", "delete"),
        new Spec(familyDiagnosis(), "family", "compact"),
        new Spec(panelDiagnosis(), "panel", "compact"),
        new Spec(frontierDiagnosis(), "cohort", "compact"),
        new Spec(alerts(), "subject", "delete"));
  }
}
