package io.phasewatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.phasewatch.core.detect.FrontierObservation.ReallocationView;
import io.phasewatch.core.detect.FrontierObservation.ReleaseView;
import io.phasewatch.core.detect.FrontierObservation.SaturationView;
import io.phasewatch.core.detect.FrontierObservation.WindowView;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Evidence;
import io.phasewatch.core.domain.Severity;
import io.phasewatch.core.domain.SuggestedAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PhaseChangeDetectorTest {
  private static final DetectorConfig CONFIG = DetectorConfig.defaults();
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  /** Runs one family evaluation through the detector, carrying the announcements along. */
  private static final class Run {
    Announcements announced = Announcements.none();

    List<AlertEvent> family(FamilyObservation obs) {
      Decision d = PhaseChangeDetector.decide(FamilyRules.evaluate(obs, announced, CONFIG),
          announced, T, T);
      announced = d.next();
      return d.events();
    }

    List<AlertEvent> panel(PanelObservation obs) {
      Decision d = PhaseChangeDetector.decide(PanelRules.evaluate(obs, announced, CONFIG),
          announced, T, T);
      announced = d.next();
      return d.events();
    }

    List<AlertEvent> frontier(FrontierObservation obs) {
      Decision d = PhaseChangeDetector.decide(FrontierRules.evaluate(obs, CONFIG), announced, T, T);
      announced = d.next();
      return d.events();
    }
  }

  private static SizedModel model(String id, double paramsB, Double gamma) {
    return new SizedModel(id, paramsB, 50, 40,
        gamma == null ? OptionalDouble.empty() : OptionalDouble.of(gamma),
        Map.of("hellaswag", "feed-a", "truthfulqa", "feed-a"));
  }

  private static FamilyObservation family(Double g2, Double g3) {
    return new FamilyObservation("fam",
        List.of(model("fam-3b", 3, g3), model("fam-1b", 1, null), model("fam-2b", 2, g2)),
        Optional.empty(), "");
  }

  @Test
  void crossesNcWhenLargestModelTurnsBonusAndResolvesOnlyBeyondTheDeadBand() {
    Run run = new Run();
    assertThat(run.family(family(-0.5, -0.3))).isEmpty();

    List<AlertEvent> fired = run.family(family(-0.5, 0.4));
    assertThat(fired).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AlertKind.FAMILY_CROSSED_NC);
      assertThat(e.state()).isEqualTo(AlertState.FIRED);
      assertThat(e.subject()).isEqualTo("fam");
      assertThat(e.evidence().values())
          .containsEntry("gamma12_largest", 0.4)
          .containsEntry("gamma12_previous", -0.5);
      assertThat(e.evidence().n()).hasValue(3);
      assertThat(e.evidence().contributingModels()).extracting(c -> c.model())
          .containsExactly("fam-1b", "fam-2b", "fam-3b");
    });
    // still bonus, and then inside the dead band: nothing new
    assertThat(run.family(family(-0.5, 0.6))).isEmpty();
    assertThat(run.family(family(-0.5, -0.09))).isEmpty();
    assertThat(run.family(family(-0.5, 0.2))).isEmpty();

    List<AlertEvent> resolved = run.family(family(-0.5, -0.11));
    assertThat(resolved).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AlertKind.FAMILY_CROSSED_NC);
      assertThat(e.state()).isEqualTo(AlertState.RESOLVED);
      assertThat(e.action().kind()).isEqualTo(SuggestedAction.Kind.NONE);
    });
    assertThat(run.announced.fired()).isEmpty();
  }

  @Test
  void familyBonusAtEverySizeHasNotCrossed() {
    assertThat(new Run().family(family(0.3, 0.4))).isEmpty();
  }

  @Test
  void noFamilyAlertBelowTheMinimumNumberOfModels() {
    FamilyObservation two = new FamilyObservation("fam",
        List.of(model("a", 1, null), model("b", 2, 0.9)), Optional.empty(), "");
    Run run = new Run();
    assertThat(run.family(two)).isEmpty();
    DetectorConfig lenient = CONFIG.withMinFamilyModels(2);
    // with 2 models the previous largest has no γ12: still not a crossing
    assertThat(PhaseChangeDetector.decide(FamilyRules.evaluate(two, Announcements.none(), lenient),
        Announcements.none(), T, T).events()).isEmpty();
  }

  @Test
  void sameTransitionOnSameEvidenceHasTheSameId() {
    String first = new Run().family(family(-0.5, 0.4)).get(0).id();
    String again = PhaseChangeDetector.decide(FamilyRules.evaluate(family(-0.5, 0.4), Announcements.none(), CONFIG),
        Announcements.none(), T.plusSeconds(3600), T.plusSeconds(60)).events().get(0).id();
    String otherEvidence = new Run().family(family(-0.5, 0.5)).get(0).id();
    assertThat(again).isEqualTo(first);
    assertThat(otherEvidence).isNotEqualTo(first);
  }

  @Test
  void scaleAnomalyFiresForATaxModelAboveTheCiAndResolvesWhenItIsRetracted() {
    NcEstimate nc = new NcEstimate(3.5, 2.9, 13.4, 14);
    FamilyObservation withBig = new FamilyObservation("fam",
        List.of(model("s", 1, null), model("m", 7, 0.3), model("big", 20, -0.4)),
        Optional.of(nc), "paper");
    Run run = new Run();
    List<AlertEvent> fired = run.family(withBig);
    assertThat(fired).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AlertKind.SCALE_ANOMALY);
      assertThat(e.subject()).isEqualTo("big");
      assertThat(e.evidence().ci()).hasValueSatisfying(ci -> {
        assertThat(ci.lo()).isEqualTo(2.9);
        assertThat(ci.hi()).isEqualTo(13.4);
      });
    });
    FamilyObservation retracted = new FamilyObservation("fam",
        List.of(model("s", 1, null), model("m", 7, 0.3), model("t", 5, 0.2)),
        Optional.of(nc), "paper");
    List<AlertEvent> after = run.family(retracted);
    assertThat(after).filteredOn(e -> e.kind() == AlertKind.SCALE_ANOMALY)
        .singleElement().satisfies(e -> {
          assertThat(e.state()).isEqualTo(AlertState.RESOLVED);
          assertThat(e.subject()).isEqualTo("big");
          assertThat(e.summary()).startsWith("resolved, no longer observed");
        });
  }

  @Test
  void onlyAConditionThatGivesAnEventIsWrittenOut() {
    assertThat(PhaseChangeDetector.announces(Reading.ENTER, false)).isTrue();
    assertThat(PhaseChangeDetector.announces(Reading.ENTER, true)).isFalse();
    assertThat(PhaseChangeDetector.announces(Reading.LEAVE, true)).isTrue();
    assertThat(PhaseChangeDetector.announces(Reading.LEAVE, false)).isFalse();
    assertThat(PhaseChangeDetector.announces(Reading.HOLD, true)).isFalse();
    assertThat(PhaseChangeDetector.announces(Reading.HOLD, false)).isFalse();

    NcEstimate nc = new NcEstimate(3.5, 2.9, 13.4, 14);
    FamilyObservation tax = new FamilyObservation("fam",
        List.of(model("s", 1, null), model("m", 7, 0.3), model("big", 20, -0.4)),
        Optional.of(nc), "paper");
    Evaluation first = FamilyRules.evaluate(tax, Announcements.none(), CONFIG);
    Condition entering = first.conditions().stream()
        .filter(c -> c.kind() == AlertKind.SCALE_ANOMALY && c.subject().equals("big"))
        .findFirst().orElseThrow();
    assertThat(entering.summary()).startsWith("big (fam, 20.0B) is in the tax phase");
    assertThat(entering.evidence().values()).containsKey("gamma12");

    Announcements announced = PhaseChangeDetector.decide(first, Announcements.none(), T, T).next();
    Evaluation again = FamilyRules.evaluate(tax, announced, CONFIG);
    assertThat(again.conditions()).as("announced already, or nothing to announce")
        .allSatisfy(c -> {
          assertThat(c.summary()).isEmpty();
          assertThat(c.evidence()).isEqualTo(Evidence.empty());
        });
    assertThat(again.conditions()).extracting(Condition::key)
        .as("every condition is still seen, so none resolves as vanished")
        .containsExactlyElementsOf(first.conditions().stream().map(Condition::key).toList());
    assertThat(PhaseChangeDetector.decide(again, announced, T, T).events()).isEmpty();

    FamilyObservation bonus = new FamilyObservation("fam",
        List.of(model("s", 1, null), model("m", 7, 0.3), model("big", 20, 0.4)),
        Optional.of(nc), "paper");
    List<AlertEvent> resolved = PhaseChangeDetector.decide(
        FamilyRules.evaluate(bonus, announced, CONFIG), announced, T, T).events();
    assertThat(resolved).singleElement().satisfies(e -> {
      assertThat(e.state()).isEqualTo(AlertState.RESOLVED);
      assertThat(e.summary()).startsWith("resolved: big (fam, 20.0B) is in the bonus phase");
      assertThat(e.evidence().values()).containsEntry("gamma12", 0.4);
    });
  }

  @Test
  void scaleAnomalyEvidenceCarriesTheHResidualAgainstThePanelsQuadratic() {
    // the §1.4 fit 4.532x² − 86.42x + 447.8; at 20B, x = log10(2e10) = 10.30103:
    // 4.532·106.1112 − 86.42·10.30103 + 447.8 = 480.896 − 890.215 + 447.8 = 38.481
    NcEstimate nc = new NcEstimate(3.5, 2.9, 13.4, 14);
    FamilyObservation obs = new FamilyObservation("fam",
        List.of(model("s", 1, null), model("m", 7, 0.3), model("big", 20, -0.4)),
        Optional.of(nc), "paper",
        Optional.of(new io.phasewatch.core.diagnosis.PanelDiagnosis.Quadratic(4.532, -86.42,
            447.8)), Optional.empty());
    AlertEvent e = new Run().family(obs).get(0);
    assertThat(e.kind()).isEqualTo(AlertKind.SCALE_ANOMALY);
    assertThat(e.evidence().values().get("b2_scale_trend"))
        .isCloseTo(38.481, org.assertj.core.api.Assertions.within(0.002));
    assertThat(e.evidence().values().get("h_residual"))
        .isCloseTo(40 - 38.481, org.assertj.core.api.Assertions.within(0.002));
  }

  private static FamilyObservation familyWithNc(double median, double lo, double hi) {
    return new FamilyObservation("fam",
        List.of(model("a", 1, null), model("b", 2, -0.2), model("c", 4, -0.3),
            model("d", 8, -0.25)),
        Optional.empty(), "", Optional.empty(),
        Optional.of(new NcEstimate(median, lo, hi, 4)));
  }

  @Test
  void familyNcShiftFiresOnceWhenTheEstimateLeavesThePreviousCi() {
    Run run = new Run();
    assertThat(run.family(familyWithNc(5.0, 3.0, 9.0))).isEmpty();
    assertThat(run.family(familyWithNc(6.0, 3.5, 9.5))).as("inside [3, 9]").isEmpty();
    List<AlertEvent> fired = run.family(familyWithNc(1.5, 1.0, 2.5));
    assertThat(fired).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AlertKind.NC_SHIFT);
      assertThat(e.state()).isEqualTo(AlertState.FIRED);
      assertThat(e.subject()).isEqualTo("fam");
      assertThat(e.evidence().values()).containsEntry("nc_previous_median_b", 6.0)
          .containsEntry("nc_previous_lo95_b", 3.5).containsEntry("nc_median_b", 1.5);
    });
    assertThat(run.family(familyWithNc(1.5, 1.0, 2.5))).as("the same estimate again").isEmpty();
    assertThat(run.family(familyWithNc(0.5, 0.3, 0.8))).as("outside [3.5, 9.5] and outside "
        + "the shifted [1.0, 2.5]: still shifted").isEmpty();
    assertThat(run.family(familyWithNc(0.6, 0.4, 0.9))).as("inside the last [0.3, 0.8]")
        .singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(AlertState.RESOLVED));
    assertThat(run.announced.baseline(NcShift.BASELINE)).hasValueSatisfying(
        b -> assertThat(b.medianB()).isEqualTo(0.6));
  }

  @Test
  void aShiftedEstimateReadAgainDoesNotResolveTheShift() {
    Run run = new Run();
    run.panel(panel(3.5, 2.9, 13.4));
    assertThat(run.panel(panel(20, 15, 30))).hasSize(1);
    assertThat(run.panel(panel(20, 15, 30))).isEmpty();
    assertThat(run.panel(panel(21, 16, 31))).singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo(AlertState.RESOLVED));
  }

  private static PanelObservation panel(double median, double lo, double hi) {
    return new PanelObservation("paper", 14, Optional.of(new NcEstimate(median, lo, hi, 14)),
        List.of());
  }

  @Test
  void ncShiftFiresOutsideThePreviousCiAndResolvesWhenTheNewLevelIsConfirmed() {
    Run run = new Run();
    assertThat(run.panel(panel(3.5, 2.9, 13.4))).isEmpty();
    assertThat(run.panel(panel(4.0, 3.0, 12.0))).isEmpty(); // inside: the baseline moves along
    List<AlertEvent> fired = run.panel(panel(1.5, 1.2, 2.5)); // outside [3.0, 12.0]
    assertThat(fired).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AlertKind.NC_SHIFT);
      assertThat(e.state()).isEqualTo(AlertState.FIRED);
      assertThat(e.evidence().values()).containsEntry("nc_previous_median_b", 4.0)
          .containsEntry("nc_median_b", 1.5);
    });
    assertThat(run.panel(panel(1.6, 1.1, 2.4))).singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo(AlertState.RESOLVED));
    assertThat(run.announced.baseline(PanelRules.BASELINE)).hasValueSatisfying(
        b -> assertThat(b.medianB()).isEqualTo(1.6));
  }

  @Test
  void ncShiftCorrectedBackResolves() {
    Run run = new Run();
    run.panel(panel(3.5, 2.9, 13.4));
    assertThat(run.panel(panel(20, 15, 30))).hasSize(1);
    assertThat(run.panel(panel(3.6, 2.9, 13.0))).singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo(AlertState.RESOLVED));
  }

  private static FrontierObservation cohort(double r, double range, int n) {
    return new FrontierObservation("frontier", 20, List.of(),
        Optional.of(new WindowView(OptionalDouble.of(r), n, LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 12, 1), range, List.of("a", "b"))),
        List.of(), List.of(), Map.of("a", Map.of("swe_bench_verified", "epoch")));
  }

  @Test
  void rollingRThroughTheDecayAndBrokenThresholdsFiresAndResolvesEachWithItsMargin() {
    Run run = new Run();
    assertThat(run.frontier(cohort(0.75, 30, 10))).isEmpty();
    assertThat(run.frontier(cohort(0.45, 30, 10))).extracting(AlertEvent::kind, AlertEvent::state,
        AlertEvent::severity)
        .containsExactly(tuple(AlertKind.FRONTIER_COUPLING_DECAY,
            AlertState.FIRED, Severity.WARNING));
    assertThat(run.frontier(cohort(0.25, 30, 10))).extracting(AlertEvent::kind)
        .containsExactly(AlertKind.FRONTIER_COUPLING_BROKEN);
    // 0.32 is above 0.3 but inside its margin: broken holds
    assertThat(run.frontier(cohort(0.32, 30, 10))).isEmpty();
    List<AlertEvent> events = run.frontier(cohort(0.36, 30, 10));
    assertThat(events).extracting(AlertEvent::kind, AlertEvent::state).containsExactly(
        tuple(AlertKind.FRONTIER_COUPLING_BROKEN,
            AlertState.RESOLVED));
    assertThat(run.frontier(cohort(0.52, 30, 10))).isEmpty();
    assertThat(run.frontier(cohort(0.55, 30, 10))).extracting(AlertEvent::kind, AlertEvent::state)
        .containsExactly(tuple(
            AlertKind.FRONTIER_COUPLING_DECAY, AlertState.RESOLVED));
  }

  @Test
  void noDecayAlertOnANarrowOrSmallWindow() {
    Run run = new Run();
    assertThat(run.frontier(cohort(0.1, 5, 10))).isEmpty();
    assertThat(run.frontier(cohort(0.1, 30, 4))).isEmpty();
  }

  @Test
  void saturationNamesTheAxisToRotateTo() {
    FrontierObservation obs = new FrontierObservation("frontier", 20, List.of(), Optional.empty(),
        List.of(new SaturationView("gpqa_diamond", "hle", OptionalDouble.of(0.15), 3.0, 20.0)),
        List.of(), Map.of());
    assertThat(new Run().frontier(obs)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AlertKind.LEADERBOARD_SATURATION);
      assertThat(e.subject()).isEqualTo("gpqa_diamond");
      assertThat(e.action().rotateTo()).hasValue("hle");
    });
  }

  @Test
  void anomalousReleaseAndReallocationFireAndResolve() {
    ReleaseView outside = new ReleaseView("x", "LabA", Optional.empty(), 50, 90,
        OptionalDouble.of(25), OptionalDouble.of(50), OptionalDouble.of(80));
    ReleaseView justInside = new ReleaseView("x", "LabA", Optional.empty(), 50, 79.8,
        OptionalDouble.of(15), OptionalDouble.of(50), OptionalDouble.of(80));
    ReleaseView wellInside = new ReleaseView("x", "LabA", Optional.empty(), 50, 70,
        OptionalDouble.of(5), OptionalDouble.of(50), OptionalDouble.of(80));
    ReallocationView big = new ReallocationView("LabA", "w", "x", -12);
    ReallocationView small = new ReallocationView("LabA", "w", "x", -9.5);
    ReallocationView gone = new ReallocationView("LabA", "w", "x", -8.9);
    Run run = new Run();
    List<AlertEvent> fired = run.frontier(frontier(outside, big));
    assertThat(fired).extracting(AlertEvent::kind).containsExactlyInAnyOrder(
        AlertKind.ANOMALOUS_RELEASE, AlertKind.LAB_REALLOCATION);
    assertThat(run.frontier(frontier(justInside, small))).isEmpty();
    List<AlertEvent> resolved = new ArrayList<>(run.frontier(frontier(wellInside, gone)));
    assertThat(resolved).extracting(AlertEvent::state)
        .containsOnly(AlertState.RESOLVED).hasSize(2);
  }

  private static FrontierObservation frontier(ReleaseView r, ReallocationView p) {
    return new FrontierObservation("frontier", 12, List.of(r), Optional.empty(), List.of(),
        List.of(p), Map.of());
  }
}
