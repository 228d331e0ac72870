package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.stats.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabCouplingTest {

  /**
   * A on B2 = B1 at 0, 10, 20; B on B2 = B1 at 30, 40; C off the line at (10, 15), (20, 10).
   * Pooled: Sxx = 1520, Sxy = 1440, so β1 = 18/19 and β0 = 5/19.
   */
  static List<Release> threeLabs() {
    return List.of(
        Release.undated("a0", "A", 0, 0), Release.undated("a1", "A", 10, 10),
        Release.undated("a2", "A", 20, 20),
        Release.undated("b0", "B", 30, 30), Release.undated("b1", "B", 40, 40),
        Release.undated("c0", "C", 10, 15), Release.undated("c1", "C", 20, 10));
  }

  @Test
  void twoReleasesDefineALabSlope() {
    List<Release> rs =
        List.of(Release.undated("x", "L", 50, 60), Release.undated("y", "L", 70, 90));
    assertThat(LabCoupling.labSlope(rs).value()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void labSlopeIsTheOlsSlopeForMoreReleases() {
    // x = 1 2 3, y = 1 3 2: Sxy = 1, Sxx = 2.
    List<Release> rs = List.of(
        Release.undated("x", "L", 1, 1), Release.undated("y", "L", 2, 3),
        Release.undated("z", "L", 3, 2));
    assertThat(LabCoupling.labSlope(rs).value()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void labSlopeIsUndefinedForOneReleaseOrOneB1() {
    assertThat(LabCoupling.labSlope(List.of(Release.undated("x", "L", 50, 60))).reason())
        .isEqualTo("fewer than 2 releases (n=1)");
    assertThat(LabCoupling.labSlope(List.of(
            Release.undated("x", "L", 50, 60), Release.undated("y", "L", 50, 70))).reason())
        .isEqualTo("every release has the same B1 (50.0)");
  }

  @Test
  void labSummariesGiveMeanHAndOwnSlopePerLab() {
    PopulationTrend t = PopulationTrend.fit(threeLabs()).value();
    assertThat(t.slope()).isCloseTo(18.0 / 19, within(1e-12));
    assertThat(t.intercept()).isCloseTo(5.0 / 19, within(1e-12));
    List<LabSummary> labs = LabCoupling.labSummaries(threeLabs(), t);
    assertThat(labs).extracting(LabSummary::lab).containsExactly("A", "B", "C");
    assertThat(labs).extracting(LabSummary::n).containsExactly(3, 2, 2);
    // Mean h = mean B2 − (β1·mean B1 + β0) per lab.
    assertThat(labs.get(0).meanH()).isCloseTo(10 - (18.0 / 19 * 10 + 5.0 / 19), within(1e-9));
    assertThat(labs.get(1).meanH()).isCloseTo(35 - (18.0 / 19 * 35 + 5.0 / 19), within(1e-9));
    assertThat(labs.get(2).meanH()).isCloseTo(12.5 - (18.0 / 19 * 15 + 5.0 / 19), within(1e-9));
    assertThat(labs.get(0).slope().value()).isCloseTo(1.0, within(1e-12));
    assertThat(labs.get(1).slope().value()).isCloseTo(1.0, within(1e-12));
    assertThat(labs.get(2).slope().value()).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void leaveOneLabOutRefitsWithoutTheLabAndScoresItsReleases() {
    List<LabHoldout> out = LabCoupling.leaveOneLabOut(threeLabs());
    assertThat(out).extracting(LabHoldout::lab).containsExactly("A", "B", "C");
    // Without A: B ∪ C has x̄ = 25, Sxx = 500, Sxy = 475 → 0.95·x + 0; errors 0, 0.5, 1.
    assertThat(out.get(0).maePp().value()).isCloseTo(0.5, within(1e-9));
    // Without B: A ∪ C has x̄ = 12, Sxx = 280, Sxy = 190 → (19/28)·x + 20/7; errors 95/14, 10.
    assertThat(out.get(1).maePp().value()).isCloseTo((95.0 / 14 + 10) / 2, within(1e-9));
    // Without C: A ∪ B lie on B2 = B1; C's errors 5 and 10.
    assertThat(out.get(2).maePp().value()).isCloseTo(7.5, within(1e-9));
    assertThat(out.get(2).n()).isEqualTo(2);
  }

  @Test
  void leaveOneLabOutIsUndefinedWhenTheOtherLabsCannotBeFitted() {
    List<Release> rs = List.of(
        Release.undated("a0", "A", 0, 0), Release.undated("a1", "A", 10, 12),
        Release.undated("a2", "A", 20, 19), Release.undated("b0", "B", 30, 30));
    List<LabHoldout> out = LabCoupling.leaveOneLabOut(rs);
    assertThat(out.get(0).maePp().reason())
        .isEqualTo("refit without A: fewer than 3 releases (n=1)");
    assertThat(out.get(1).maePp().isDefined()).isTrue();
  }

  @Test
  void meanHoldoutErrorAveragesLabsWithEnoughReleases() {
    List<LabHoldout> hs = List.of(
        new LabHoldout("A", 3, Outcome.of(2.0)),
        new LabHoldout("B", 5, Outcome.of(4.0)),
        new LabHoldout("C", 2, Outcome.of(100.0)),
        new LabHoldout("D", 4, Outcome.undefined("refit without D: …")));
    assertThat(LabCoupling.meanHoldoutMae(hs, 3).value()).isEqualTo(3.0);
    assertThat(LabCoupling.meanHoldoutMae(hs, 1).value()).isCloseTo(106.0 / 3, within(1e-12));
    assertThat(LabCoupling.meanHoldoutMae(hs, 6).reason())
        .isEqualTo("no lab with at least 6 releases has a defined leave-one-lab-out error");
  }
}
