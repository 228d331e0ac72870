package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.Draws;
import io.phasewatch.core.stats.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrontierPropertiesTest {

  /** Small configuration so that windows, top-k and activation all engage on short lists. */
  private static final FrontierConfig SMALL = ConfigBuilder.defaults()
      .topK(3).activationMinModels(4).window(4, 3).minRange(5).build();

  private static final List<Double> SCORES = List.of(0.0, 0.1, 12.5, 50.0, 50.0, 61.3, 80.9, 100.0);

  static LongStream cohortSeeds() {
    return LongStream.range(0, 300);
  }

  static LongStream seeds() {
    return LongStream.range(0, 1000);
  }

  /**
   * Up to 24 releases (none is an edge) drawn from few values, so ties, shared dates, constant
   * axes, missing dates and missing extra axes are all common. How often an extra axis is missing
   * varies by cohort, from never to always.
   */
  static List<Release> cohort(Random random) {
    double missingExtra = Draws.oneOf(random, 0.0, 0.05, 0.3, 1.0);
    List<Double> drawn = new ArrayList<>();
    return Draws.list(random, 0, 24, r -> release(r, drawn, missingExtra));
  }

  private static Release release(Random r, List<Double> drawn, double missingExtra) {
    String model = Draws.oneOf(r, "a", "b", "c", "d", "e", "f")
        + (r.nextBoolean() ? "" : Draws.oneOf(r, "a", "b", "c", "d", "e", "f"));
    String lab = Draws.oneOf(r, "A", "B", "C");
    int day = Draws.between(r, 0, 8);
    Optional<LocalDate> date = day == 8
        ? Optional.empty()
        : Optional.of(LocalDate.parse("2025-01-01").plusDays(day));
    double b1 = score(r, drawn);
    double b2 = score(r, drawn);
    Map<String, Double> extra = new HashMap<>();
    Draws.optional(r, missingExtra, x -> score(x, drawn))
        .ifPresent(v -> extra.put(FrontierConfig.HLE, v));
    Draws.optional(r, missingExtra, x -> score(x, drawn))
        .ifPresent(v -> extra.put(FrontierConfig.IFEVAL, v));
    return new Release(model, lab, date, b1, b2, extra);
  }

  /** One of {@link #SCORES}, or one fifth of the time a score drawn before in this cohort. */
  private static double score(Random r, List<Double> drawn) {
    double v = !drawn.isEmpty() && Draws.chance(r, 0.2)
        ? Draws.oneOf(r, drawn)
        : Draws.oneOf(r, SCORES);
    drawn.add(v);
    return v;
  }

  /** Everything §3 computes from a cohort, as one comparable value. */
  private static List<Object> everything(List<Release> rs, FrontierConfig c) {
    Outcome<PopulationTrend> trend = PopulationTrend.fit(rs);
    List<Object> out = new ArrayList<>();
    out.add(trend);
    out.add(HField.field(rs, c));
    out.add(HField.field(rs, c).map(f -> HField.reallocations(f, c)));
    out.add(trend.map(t -> LabCoupling.labSummaries(rs, t)));
    out.add(LabCoupling.leaveOneLabOut(rs));
    out.add(Saturation.allPairs(rs, c));
    out.add(Saturation.activations(rs, c));
    out.add(CorrelationDecay.assess(rs, c));
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cohortSeeds")
  void resultsDoNotDependOnInputOrder(long seed) {
    Random random = Draws.random(seed);
    List<Release> rs = cohort(random);
    List<Release> shuffled = new ArrayList<>(rs);
    Collections.shuffle(shuffled, random);
    assertThat(everything(shuffled, SMALL)).isEqualTo(everything(rs, SMALL));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cohortSeeds")
  void degenerateCohortsGiveUndefinedNeverNanNorAnException(long seed) {
    List<Release> rs = cohort(Draws.random(seed));
    Outcome<PopulationTrend> trend = PopulationTrend.fit(rs);
    trend.map(t -> List.of(t.slope(), t.intercept(), t.slopeSe(), t.interceptSe(), t.residualSd(),
            t.r().orElse(0.0), t.p().orElse(0.0)))
        .orElse(List.of())
        .forEach(FrontierPropertiesTest::assertFinite);
    trend.map(t -> HField.field(rs, t, SMALL)).orElse(List.of())
        .forEach(rh -> assertFinite(rh.h()));
    trend.map(t -> LabCoupling.labSummaries(rs, t)).orElse(List.of())
        .forEach(l -> {
          assertFinite(l.meanH());
          assertFinite(l.slope().orElse(0.0));
        });
    LabCoupling.leaveOneLabOut(rs).forEach(h -> assertFinite(h.maePp().orElse(0.0)));
    Outcome<PredictionInterval> pi = trend.map(t -> PredictionInterval.at(t, 50, 0.95));
    if (pi.isDefined()) {
      assertFinite(pi.value().lower());
      assertFinite(pi.value().upper());
    }
    Saturation.allPairs(rs, SMALL).forEach(p -> assertFinite(p.sigma().orElse(0.0)));
    Saturation.activations(rs, SMALL).forEach(a -> assertFinite(a.r().orElse(0.0)));
    DecayAssessment d = CorrelationDecay.assess(rs, SMALL);
    d.rolling().forEach(w -> assertFinite(w.r().orElse(0.0)));
    d.expanding().forEach(w -> assertFinite(w.r().orElse(0.0)));
    d.fisher().map(f -> List.of(f.z(), f.p())).orElse(List.of())
        .forEach(FrontierPropertiesTest::assertFinite);
    for (Release r : rs) {
      assertFinite(Isocline.classify(r, SMALL).value().boundary());
    }
  }

  private static void assertFinite(double v) {
    assertThat(Double.isFinite(v)).as("finite: %s", v).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void fisherZIsAntisymmetricInItsWindows(long seed) {
    Random random = Draws.random(seed);
    double r1 = Draws.decimal(random, -0.99, 0.99, 2);
    double r2 = Draws.decimal(random, -0.99, 0.99, 2);
    int n1 = Draws.between(random, 4, 200);
    int n2 = Draws.between(random, 4, 200);
    FisherZTest a = CorrelationDecay.fisherZ(r1, n1, r2, n2, 0.05).value();
    FisherZTest b = CorrelationDecay.fisherZ(r2, n2, r1, n1, 0.05).value();
    assertThat(a.z()).isCloseTo(-b.z(), within(1e-12));
    assertThat(a.p()).isCloseTo(b.p(), within(1e-12));
    assertThat(a.p()).isBetween(0.0, 1.0);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void defaultLabelsAreCooperativeExactlyWithinTenPoints(long seed) {
    // The label boundaries ±10 and one step either side of them are edges.
    double h = Draws.decimal(Draws.random(seed), -40, 40, 2, 10, -10, 9.99, -9.99, 10.01, -10.01);
    HLabel label = HField.label(h, FrontierConfig.defaults());
    assertThat(label == HLabel.COOPERATIVE).isEqualTo(Math.abs(h) <= 10);
    assertThat(label == HLabel.CODING_SPECIALIST).isEqualTo(h < -10);
  }
}
