package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.stats.Outcome;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HFieldTest {

  private static final FrontierConfig DEFAULTS = FrontierConfig.defaults();

  /** B2 = B1 exactly, so h = B2 − B1 can be read off by eye. */
  static final PopulationTrend IDENTITY =
      new PopulationTrend(3, 1, 0, 0, 0, 0, 0, 1, Outcome.of(1.0), Outcome.of(0.0));

  private static Release dated(String model, String lab, String date, double b1, double b2) {
    return Release.of(model, lab, LocalDate.parse(date), b1, b2);
  }

  @Test
  void hIsTheResidualFromTheCohortTrend() {
    // Textbook example: trend 0.6·x + 2.2; residuals −0.8 0.6 1.0 −0.6 −0.2.
    List<ReleaseH> field = HField.field(PopulationTrendTest.tiny(), DEFAULTS).value();
    assertThat(field).extracting(rh -> rh.release().model())
        .containsExactly("m1", "m2", "m3", "m4", "m5");
    double[] expected = {-0.8, 0.6, 1.0, -0.6, -0.2};
    for (int i = 0; i < expected.length; i++) {
      assertThat(field.get(i).h()).isCloseTo(expected[i], within(1e-12));
      assertThat(field.get(i).label()).isEqualTo(HLabel.COOPERATIVE);
    }
  }

  @Test
  void hFieldIsUndefinedWithoutATrend() {
    Outcome<List<ReleaseH>> field =
        HField.field(PopulationTrendTest.tiny().subList(0, 1), DEFAULTS);
    assertThat(field.reason()).isEqualTo("fewer than 3 releases (n=1)");
  }

  @Test
  void labelsUseTenPointBandWithBoundsCooperative() {
    assertThat(HField.label(10.0, DEFAULTS)).isEqualTo(HLabel.COOPERATIVE);
    assertThat(HField.label(-10.0, DEFAULTS)).isEqualTo(HLabel.COOPERATIVE);
    assertThat(HField.label(0.0, DEFAULTS)).isEqualTo(HLabel.COOPERATIVE);
    assertThat(HField.label(10.001, DEFAULTS)).isEqualTo(HLabel.REASONING_SPECIALIST);
    assertThat(HField.label(-10.001, DEFAULTS)).isEqualTo(HLabel.CODING_SPECIALIST);
  }

  @Test
  void labelThresholdsAreConfigurable() {
    FrontierConfig narrow = ConfigBuilder.defaults().labels(-5, 3).build();
    assertThat(HField.label(4, narrow)).isEqualTo(HLabel.REASONING_SPECIALIST);
    assertThat(HField.label(-4, narrow)).isEqualTo(HLabel.COOPERATIVE);
    assertThat(HField.label(-6, narrow)).isEqualTo(HLabel.CODING_SPECIALIST);
  }

  @Test
  void labelsFollowFromHAgainstTheTrend() {
    List<Release> rs = List.of(
        Release.undated("coder", "A", 80, 65),
        Release.undated("balanced", "A", 50, 58),
        Release.undated("thinker", "B", 40, 55));
    assertThat(HField.field(rs, IDENTITY, DEFAULTS))
        .extracting(rh -> rh.release().model(), ReleaseH::h, ReleaseH::label)
        .containsExactly(
            tuple("balanced", 8.0, HLabel.COOPERATIVE),
            tuple("coder", -15.0, HLabel.CODING_SPECIALIST),
            tuple("thinker", 15.0, HLabel.REASONING_SPECIALIST));
  }

  @Test
  void reallocationIsAJumpOfMoreThanTenBetweenConsecutiveReleasesOfALab() {
    List<Release> rs = List.of(
        dated("a-mar", "A", "2025-03-01", 50, 65), // h = +15
        dated("a-jan", "A", "2025-01-01", 50, 50), // h = 0
        dated("a-feb", "A", "2025-02-01", 50, 53), // h = +3
        dated("a-apr", "A", "2025-04-01", 50, 55), // h = +5: Δ = −10, exactly 10 is no jump
        Release.undated("a-undated", "A", 50, 20), // h = −30, but cannot be placed in time
        dated("b-only", "B", "2025-02-01", 50, 10)); // h = −40, no neighbour
    List<Reallocation> out = HField.reallocations(HField.field(rs, IDENTITY, DEFAULTS), DEFAULTS);
    assertThat(out).containsExactly(new Reallocation(
        "A", "a-feb", LocalDate.parse("2025-02-01"), 3.0, "a-mar", LocalDate.parse("2025-03-01"),
        15.0));
    assertThat(out.get(0).deltaH()).isEqualTo(12.0);
  }

  @Test
  void reallocationOrderBreaksDateTiesByModelId() {
    List<Release> rs = List.of(
        dated("x2", "A", "2025-01-01", 50, 50), // h = 0
        dated("x1", "A", "2025-01-01", 50, 70), // h = +20, sorts first
        dated("x3", "A", "2025-01-02", 50, 71)); // h = +21
    List<Reallocation> out = HField.reallocations(HField.field(rs, IDENTITY, DEFAULTS), DEFAULTS);
    // Sequence x1 (+20) → x2 (0) → x3 (+21): two jumps, in this order.
    assertThat(out).extracting(Reallocation::fromModel, Reallocation::toModel, Reallocation::deltaH)
        .containsExactly(tuple("x1", "x2", -20.0), tuple("x2", "x3", 21.0));
  }

  @Test
  void reallocationThresholdIsConfigurable() {
    List<Release> rs = List.of(
        dated("a1", "A", "2025-01-01", 50, 50), dated("a2", "A", "2025-02-01", 50, 56));
    List<ReleaseH> field = HField.field(rs, IDENTITY, DEFAULTS);
    assertThat(HField.reallocations(field, DEFAULTS)).isEmpty();
    FrontierConfig five = ConfigBuilder.defaults().reallocation(5).build();
    assertThat(HField.reallocations(field, five)).hasSize(1);
  }
}
