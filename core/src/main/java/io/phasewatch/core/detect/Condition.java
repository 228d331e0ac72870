package io.phasewatch.core.detect;

import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.Evidence;
import io.phasewatch.core.domain.Severity;
import io.phasewatch.core.domain.SubjectType;
import io.phasewatch.core.domain.SuggestedAction;
import java.util.Objects;

/**
 * One watched condition in one evaluation: which alert it is, where its value lies ({@link
 * Reading}), and what an alert would say if it fired or resolved now.
 *
 * @param qualifier tells apart conditions of one kind on one subject within a scope (e.g. the
 *     axis pair of a saturation); empty when there is one
 */
public record Condition(
    AlertKind kind,
    SubjectType subjectType,
    String subject,
    String qualifier,
    Reading reading,
    Severity severity,
    String summary,
    Evidence evidence,
    SuggestedAction action) {

  public Condition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectType, "subjectType");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reading, "reading");
    qualifier = qualifier == null ? "" : qualifier;
    severity = severity == null ? kind.defaultSeverity() : severity;
    summary = summary == null ? "" : summary;
    evidence = evidence == null ? Evidence.empty() : evidence;
    action = action == null ? SuggestedAction.of(kind.defaultAction(), "") : action;
  }

  /**
   * A condition this evaluation does not announce ({@link PhaseChangeDetector#announces}): only
   * its key and reading matter, so no summary or evidence is built for it (formatting them for
   * every model of every changed family was most of the detector's time).
   */
  public static Condition unannounced(AlertKind kind, SubjectType subjectType, String subject,
      String qualifier, Reading reading) {
    return new Condition(kind, subjectType, subject, qualifier, reading, null, "",
        Evidence.empty(), null);
  }

  /** Identifies the condition across evaluations within one scope. */
  public String key() {
    return key(kind, subjectType, subject, qualifier);
  }

  static String key(AlertKind kind, SubjectType subjectType, String subject, String qualifier) {
    return kind.name() + "|" + subjectType.id() + "|" + subject + "|" + qualifier;
  }
}
