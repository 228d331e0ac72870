package io.phasewatch.alerts.route;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.Severity;
import io.phasewatch.core.domain.SubjectType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a route accepts. Every criterion given must hold; an empty list or an absent minimum
 * accepts anything. The alert's state is deliberately not a criterion: the fired and the
 * resolved end of a condition must reach the same sinks.
 *
 * @param kinds alert kinds, e.g. {@code FRONTIER_COUPLING_BROKEN}
 * @param severities exact severities ({@code info}, {@code warning}, {@code critical})
 * @param minSeverity this severity or a more urgent one
 * @param subjectTypes {@code family}, {@code cohort}, {@code benchmark}, ...
 * @param subjects subject names as globs ({@code *} any run of characters, {@code ?} one)
 */
public record RouteMatch(
    Set<AlertKind> kinds,
    Set<Severity> severities,
    Optional<Severity> minSeverity,
    Set<SubjectType> subjectTypes,
    List<String> subjects) {

  public RouteMatch {
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    severities = severities == null ? Set.of() : Set.copyOf(severities);
    minSeverity = minSeverity == null ? Optional.empty() : minSeverity;
    subjectTypes = subjectTypes == null ? Set.of() : Set.copyOf(subjectTypes);
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
  }

  @JsonCreator
  static RouteMatch fromConfig(
      @JsonProperty("kinds") Set<AlertKind> kinds,
      @JsonProperty("severities") Set<Severity> severities,
      @JsonProperty("min_severity") Severity minSeverity,
      @JsonProperty("subject_types") Set<SubjectType> subjectTypes,
      @JsonProperty("subjects") List<String> subjects) {
    return new RouteMatch(kinds, severities, Optional.ofNullable(minSeverity), subjectTypes,
        subjects);
  }

  /** Accepts every alert. */
  public static RouteMatch any() {
    return new RouteMatch(Set.of(), Set.of(), Optional.empty(), Set.of(), List.of());
  }

  public boolean matches(AlertEvent alert) {
    return (kinds.isEmpty() || kinds.contains(alert.kind()))
        && (severities.isEmpty() || severities.contains(alert.severity()))
        && minSeverity.map(min -> alert.severity() != null
            && alert.severity().compareTo(min) >= 0).orElse(true)
        && (subjectTypes.isEmpty() || subjectTypes.contains(alert.subjectType()))
        && (subjects.isEmpty() || subjects.stream().anyMatch(g -> globMatches(g, alert.subject())));
  }

  /** {@code *} matches any run of characters, {@code ?} one character; the rest is literal. */
  static boolean globMatches(String glob, String text) {
    if (text == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }
}
