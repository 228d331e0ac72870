package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * The phase changes phasewatch announces (DESIGN.md "Alert kinds"), with the default severity,
 * subject type and action of each. A detector may override the defaults on a given event.
 *
 * <p>In JSON the kind is its name ({@code FAMILY_CROSSED_NC}), read case-insensitively; {@link
 * #code()} is the lower-case form for metric tags.
 */
public enum AlertKind {
  /** A family's newest-largest model lands in the bonus phase (METHOD.md §2). */
  FAMILY_CROSSED_NC(Severity.INFO, SubjectType.FAMILY, SuggestedAction.Kind.NONE),
  /** A family's N_c estimate left the previous estimate's 95% CI (METHOD.md §2). */
  NC_SHIFT(Severity.INFO, SubjectType.FAMILY, SuggestedAction.Kind.CURATE_DATA),
  /** A model's phase disagrees with the scale rule (METHOD.md §2, h(D) residual). */
  SCALE_ANOMALY(Severity.WARNING, SubjectType.MODEL, SuggestedAction.Kind.CURATE_DATA),
  /** A cohort's rolling r fell below the warning level (METHOD.md §3.5, default 0.5). */
  FRONTIER_COUPLING_DECAY(Severity.WARNING, SubjectType.COHORT, SuggestedAction.Kind.WIDEN),
  /** A cohort's rolling r fell below the broken level (METHOD.md §3.5, default 0.3). */
  FRONTIER_COUPLING_BROKEN(Severity.CRITICAL, SubjectType.COHORT, SuggestedAction.Kind.WIDEN),
  /** An axis stopped separating the top releases (METHOD.md §3.4, σ &lt; 0.2). */
  LEADERBOARD_SATURATION(
      Severity.WARNING, SubjectType.BENCHMARK, SuggestedAction.Kind.ROTATE_BENCHMARK),
  /** A release outside the cohort trend's 95% prediction interval (METHOD.md §3.3). */
  ANOMALOUS_RELEASE(Severity.WARNING, SubjectType.MODEL, SuggestedAction.Kind.REVIEW),
  /** |Δh| &gt; 10 between two consecutive releases of one lab (METHOD.md §3.2). */
  LAB_REALLOCATION(Severity.INFO, SubjectType.LAB, SuggestedAction.Kind.REVIEW);

  private final Severity defaultSeverity;
  private final SubjectType subjectType;
  private final SuggestedAction.Kind defaultAction;

  AlertKind(Severity defaultSeverity, SubjectType subjectType, SuggestedAction.Kind defaultAction) {
    this.defaultSeverity = defaultSeverity;
    this.subjectType = subjectType;
    this.defaultAction = defaultAction;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  public SubjectType subjectType() {
    return subjectType;
  }

  public SuggestedAction.Kind defaultAction() {
    return defaultAction;
  }

  /** Lower-case name, bounded, for the Prometheus tag {@code kind}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive; throws {@link IllegalArgumentException} for an unknown kind. */
  @JsonCreator
  public static AlertKind fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
