package io.phasewatch.alerts.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Severity;
import io.phasewatch.core.domain.SubjectType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutesTest {
  private static RouteMatch match(Set<AlertKind> kinds, Set<Severity> severities,
      Optional<Severity> min, Set<SubjectType> types, List<String> subjects) {
    return new RouteMatch(kinds, severities, min, types, subjects);
  }

  private final Routes routes = new Routes(List.of(
      new Route("all-to-archive", RouteMatch.any(), List.of("archive"), true),
      new Route("critical", match(Set.of(), Set.of(), Optional.of(Severity.CRITICAL), Set.of(), List.of()),
          List.of("pager", "archive"), false),
      new Route("frontier-cohorts", match(Set.of(AlertKind.FRONTIER_COUPLING_DECAY), Set.of(),
          Optional.empty(), Set.of(SubjectType.COHORT), List.of("frontier*")), List.of("team"), false),
      new Route("pythia", match(Set.of(), Set.of(Severity.INFO), Optional.empty(), Set.of(),
          List.of("Pyth?a")), List.of("research"), false),
      new Route("rest", RouteMatch.any(), List.of("console"), false)));

  @Test
  void criticalAlertGoesToThePagerAndTheArchiveOnce() {
    assertThat(routes.sinksFor(TestAlerts.brokenCoupling(AlertState.FIRED, "frontier")))
        .containsExactly("archive", "pager");
  }

  @Test
  void kindSubjectTypeAndSubjectGlobMustAllMatch() {
    assertThat(routes.sinksFor(TestAlerts.of(AlertKind.FRONTIER_COUPLING_DECAY, AlertState.FIRED, "frontier-2026")))
        .containsExactly("archive", "team");
    assertThat(routes.sinksFor(TestAlerts.of(AlertKind.FRONTIER_COUPLING_DECAY, AlertState.FIRED, "open-weights")))
        .as("subject does not match the glob").containsExactly("archive", "console");
    assertThat(routes.sinksFor(TestAlerts.of(AlertKind.LEADERBOARD_SATURATION, AlertState.FIRED, "frontier")))
        .as("kind not listed").containsExactly("archive", "console");
  }

  @Test
  void exactSeverityAndSingleCharacterGlob() {
    assertThat(routes.sinksFor(TestAlerts.of(AlertKind.FAMILY_CROSSED_NC, AlertState.FIRED, "Pythia")))
        .containsExactly("archive", "research");
    assertThat(routes.sinksFor(TestAlerts.of(AlertKind.FAMILY_CROSSED_NC, AlertState.FIRED, "Pythiaa")))
        .containsExactly("archive", "console");
    assertThat(routes.sinksFor(TestAlerts.of(AlertKind.SCALE_ANOMALY, AlertState.FIRED, "Pythia")))
        .as("SCALE_ANOMALY is a warning, the route takes info only").containsExactly("archive", "console");
  }

  @Test
  void firedAndResolvedEndsGoToTheSameSinks() {
    for (AlertKind kind : AlertKind.values()) {
      assertThat(routes.sinksFor(TestAlerts.of(kind, AlertState.RESOLVED, "frontier-x")))
          .isEqualTo(routes.sinksFor(TestAlerts.of(kind, AlertState.FIRED, "frontier-x")));
    }
  }

  @Test
  void noMatchingRouteMeansNoSinks() {
    Routes onlyCritical = new Routes(List.of(new Route("c",
        match(Set.of(), Set.of(Severity.CRITICAL), Optional.empty(), Set.of(), List.of()),
        List.of("pager"), false)));
    assertThat(onlyCritical.sinksFor(TestAlerts.of(AlertKind.NC_SHIFT, AlertState.FIRED, "x"))).isEmpty();
  }

  @Test
  void globQuotesRegexCharacters() {
    assertThat(RouteMatch.globMatches("a.b*", "a.bc")).isTrue();
    assertThat(RouteMatch.globMatches("a.b*", "axbc")).isFalse();
    assertThat(RouteMatch.globMatches("(x)+", "(x)+")).isTrue();
  }
}
