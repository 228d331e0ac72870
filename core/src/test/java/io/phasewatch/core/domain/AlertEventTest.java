package io.phasewatch.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AlertEventTest {

  private static final Instant FIRED = Instant.parse("2026-11-02T08:00:00Z");
  private static final Instant STREAM = Instant.parse("2024-06-15T00:00:00Z");

  private static Evidence evidence(double r) {
    return Evidence.of(Map.of("rolling_r", r, "threshold", 0.5), 12)
        .withWindow(new Evidence.Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30)))
        .withContributingModels(List.of(new Evidence.Contributor("o3",
            Map.of("swe_bench_verified", "epoch_hub", "gpqa_diamond", "epoch_hub"))));
  }

  private static AlertEvent decay(AlertState state, String subject, Evidence evidence) {
    return AlertEvent.of(AlertKind.FRONTIER_COUPLING_DECAY, state, subject, "r fell", evidence,
        FIRED, STREAM);
  }

  @Test
  void idIsTheTruncatedSha256OfTheCanonicalForm() throws Exception {
    Evidence e = Evidence.of(Map.of("r", 0.25), 5);
    String canonical = "[\"FRONTIER_COUPLING_BROKEN\",\"cohort\",\"frontier\",\"fired\","
        + "{\"values\":{\"r\":0.25},\"n\":5,\"ci\":null,\"window\":null,"
        + "\"contributing_models\":[]}]";
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(canonical.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    assertThat(AlertEvent.idFor(AlertKind.FRONTIER_COUPLING_BROKEN, SubjectType.COHORT,
        "frontier", AlertState.FIRED, e)).isEqualTo(expected).matches("[0-9a-f]{32}");
  }

  @Test
  void sameTransitionOnSameEvidenceGivesTheSameIdWhateverTheTimeOrWording() {
    AlertEvent first = decay(AlertState.FIRED, "frontier", evidence(0.42));
    AlertEvent replay = AlertEvent.create(AlertKind.FRONTIER_COUPLING_DECAY, Severity.CRITICAL,
        AlertState.FIRED, SubjectType.COHORT, "frontier", "other words", evidence(0.42),
        SuggestedAction.none(), FIRED.plusSeconds(3600), STREAM.plusSeconds(60));
    assertThat(replay.id()).isEqualTo(first.id());
    assertThat(replay).isNotEqualTo(first);
  }

  @Test
  void idDiffersWhenKindSubjectStateOrEvidenceDiffers() {
    AlertEvent base = decay(AlertState.FIRED, "frontier", evidence(0.42));
    AlertEvent otherKind = AlertEvent.of(AlertKind.FRONTIER_COUPLING_BROKEN, AlertState.FIRED,
        "frontier", "r fell", evidence(0.42), FIRED, STREAM);
    AlertEvent otherSubject = decay(AlertState.FIRED, "frontier-2025", evidence(0.42));
    AlertEvent resolved = decay(AlertState.RESOLVED, "frontier", evidence(0.42));
    AlertEvent otherValue = decay(AlertState.FIRED, "frontier", evidence(0.41));
    AlertEvent otherN = decay(AlertState.FIRED, "frontier",
        new Evidence(evidence(0.42).values(), OptionalInt.of(13), Optional.empty(),
            evidence(0.42).window(), evidence(0.42).contributingModels()));
    AlertEvent otherSource = decay(AlertState.FIRED, "frontier",
        evidence(0.42).withContributingModels(List.of(new Evidence.Contributor("o3",
            Map.of("swe_bench_verified", "llmstats", "gpqa_diamond", "epoch_hub")))));
    AlertEvent otherWindow = decay(AlertState.FIRED, "frontier", evidence(0.42)
        .withWindow(new Evidence.Window(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 9, 30))));
    List<String> ids = List.of(base, otherKind, otherSubject, resolved, otherValue, otherN,
        otherSource, otherWindow).stream().map(AlertEvent::id).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize(8);
  }

  @Test
  void subjectTypeIsPartOfTheId() {
    Evidence e = evidence(0.42);
    assertThat(AlertEvent.idFor(AlertKind.NC_SHIFT, SubjectType.FAMILY, "pythia",
        AlertState.FIRED, e))
        .isNotEqualTo(AlertEvent.idFor(AlertKind.NC_SHIFT, SubjectType.PANEL, "pythia",
            AlertState.FIRED, e));
  }

  @Test
  void idIgnoresFloatingNoiseBelowTenSignificantDigits() {
    double r = 0.1 + 0.2; // 0.30000000000000004
    assertThat(decay(AlertState.FIRED, "frontier", evidence(r)).id())
        .isEqualTo(decay(AlertState.FIRED, "frontier", evidence(0.3)).id());
    assertThat(decay(AlertState.FIRED, "frontier", evidence(0.3000001)).id())
        .isNotEqualTo(decay(AlertState.FIRED, "frontier", evidence(0.3)).id());
  }

  @Test
  void idDoesNotDependOnTheOrderEvidenceWasAssembledIn() {
    Evidence.Contributor a = new Evidence.Contributor("a", Map.of("hellaswag", "s1"));
    Evidence.Contributor b = new Evidence.Contributor("b", Map.of("hellaswag", "s2"));
    Evidence one = Evidence.of(Map.of("x", 1.0, "y", 2.0), 2).withContributingModels(List.of(a, b));
    Evidence two = Evidence.of(Map.of("y", 2.0, "x", 1.0), 2).withContributingModels(List.of(b, a));
    assertThat(one).isEqualTo(two);
    assertThat(decay(AlertState.FIRED, "c", one).id()).isEqualTo(decay(AlertState.FIRED, "c", two).id());
  }

  @Test
  void ofTakesTheKindsDefaultsAndClearsTheActionWhenResolved() {
    AlertEvent fired = AlertEvent.of(AlertKind.FRONTIER_COUPLING_BROKEN, AlertState.FIRED,
        "frontier", "broken", Evidence.empty(), FIRED, STREAM);
    assertThat(fired.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(fired.subjectType()).isEqualTo(SubjectType.COHORT);
    assertThat(fired.action().kind()).isEqualTo(SuggestedAction.Kind.WIDEN);
    assertThat(fired.schemaVersion()).isEqualTo(1);
    AlertEvent resolved = AlertEvent.of(AlertKind.FRONTIER_COUPLING_BROKEN, AlertState.RESOLVED,
        "frontier", "recovered", Evidence.empty(), FIRED, STREAM);
    assertThat(resolved.action()).isEqualTo(SuggestedAction.none());
    assertThat(resolved.incidentKey()).isEqualTo(fired.incidentKey())
        .isEqualTo("FRONTIER_COUPLING_BROKEN|cohort|frontier");
  }

  @Test
  void kindsCarryTheSeveritiesAndSubjectsOfTheDesign() {
    assertThat(AlertKind.FRONTIER_COUPLING_DECAY.defaultSeverity()).isEqualTo(Severity.WARNING);
    assertThat(AlertKind.FRONTIER_COUPLING_BROKEN.defaultSeverity())
        .isEqualTo(Severity.CRITICAL);
    assertThat(AlertKind.LEADERBOARD_SATURATION.defaultAction())
        .isEqualTo(SuggestedAction.Kind.ROTATE_BENCHMARK);
    assertThat(AlertKind.LEADERBOARD_SATURATION.subjectType()).isEqualTo(SubjectType.BENCHMARK);
    assertThat(AlertKind.FAMILY_CROSSED_NC.subjectType()).isEqualTo(SubjectType.FAMILY);
    assertThat(AlertKind.ANOMALOUS_RELEASE.subjectType()).isEqualTo(SubjectType.MODEL);
    assertThat(AlertKind.values()).extracting(AlertKind::code).containsExactly(
        "family_crossed_nc", "nc_shift", "scale_anomaly", "frontier_coupling_decay",
        "frontier_coupling_broken", "leaderboard_saturation", "anomalous_release",
        "lab_reallocation");
  }

  @Test
  void enumsReadCaseInsensitively() {
    assertThat(AlertKind.fromId("family_crossed_nc")).isEqualTo(AlertKind.FAMILY_CROSSED_NC);
    assertThat(Severity.fromId("Critical")).isEqualTo(Severity.CRITICAL);
    assertThat(AlertState.fromId(" RESOLVED ")).isEqualTo(AlertState.RESOLVED);
    assertThat(SubjectType.fromId("cohort")).isEqualTo(SubjectType.COHORT);
    assertThat(SuggestedAction.Kind.fromId("rotate_benchmark"))
        .isEqualTo(SuggestedAction.Kind.ROTATE_BENCHMARK);
  }

  @Test
  void evidenceDropsUndefinedFigures() {
    Evidence e = Evidence.of(Map.of("r", Double.NaN, "slope", Double.POSITIVE_INFINITY,
        "n_labs", 4.0), 6);
    assertThat(e.values()).containsExactly(Map.entry("n_labs", 4.0));
  }

  @Test
  void contributorTakesTheSourcesOfAProfilesScores() {
    ModelProfile p = ModelProfile.of(ModelRecord.of("o3", "o-series"), Map.of(
        "swe_bench_verified", new ResolvedScore(62.0, "epoch_hub", Optional.empty()),
        "gpqa_diamond", new ResolvedScore(83.0, "matrix", Optional.empty()),
        "hle", new ResolvedScore(20.0, "matrix", Optional.empty())));
    Evidence.Contributor c = Evidence.Contributor.of(p,
        List.of("swe_bench_verified", "gpqa_diamond", "ifeval"));
    assertThat(c.model()).isEqualTo("o3");
    assertThat(c.sources()).containsExactly(Map.entry("gpqa_diamond", "matrix"),
        Map.entry("swe_bench_verified", "epoch_hub"));
  }

  @Test
  void rotateActionNamesTheAxisToRotateTo() {
    SuggestedAction a = SuggestedAction.rotateTo("hle", "GPQA Diamond no longer separates");
    assertThat(a.kind()).isEqualTo(SuggestedAction.Kind.ROTATE_BENCHMARK);
    assertThat(a.rotateTo()).contains("hle");
  }
}
