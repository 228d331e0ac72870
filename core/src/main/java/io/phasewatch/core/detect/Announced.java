package io.phasewatch.core.detect;

import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.Evidence;
import io.phasewatch.core.domain.Severity;
import io.phasewatch.core.domain.SubjectType;

/** An alert the detector fired and has not yet resolved: what it said, and under which id. */
public record Announced(
    String key,
    String id,
    AlertKind kind,
    Severity severity,
    SubjectType subjectType,
    String subject,
    String summary,
    Evidence evidence) {}
