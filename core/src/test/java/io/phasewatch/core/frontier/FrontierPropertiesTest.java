package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phasewatch.core.stats.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class FrontierPropertiesTest {

  /** Small configuration so that windows, top-k and activation all engage on short lists. */
  private static final FrontierConfig SMALL = ConfigBuilder.defaults()
      .topK(3).activationMinModels(4).window(4, 3).minRange(5).build();

  @Provide
  Arbitrary<List<Release>> cohorts() {
    return release().list().ofMaxSize(24);
  }

  /**
   * Releases drawn from few values, so ties, shared dates, constant axes, missing dates and
   * missing extra axes are all common.
   */
  private Arbitrary<Release> release() {
    Arbitrary<String> model =
        Arbitraries.strings().withChars("abcdef").ofMinLength(1).ofMaxLength(2);
    Arbitrary<String> lab = Arbitraries.of("A", "B", "C");
    Arbitrary<Optional<LocalDate>> date = Arbitraries.integers().between(0, 8)
        .map(d -> d == 8 ? Optional.<LocalDate>empty()
            : Optional.of(LocalDate.parse("2025-01-01").plusDays(d)));
    Arbitrary<Double> score = Arbitraries.of(0.0, 0.1, 12.5, 50.0, 50.0, 61.3, 80.9, 100.0)
        .injectDuplicates(0.2);
    Arbitrary<Map<String, Double>> extra = Combinators
        .combine(score.optional(), score.optional())
        .as((hle, ifeval) -> {
          Map<String, Double> m = new HashMap<>();
          hle.ifPresent(v -> m.put(FrontierConfig.HLE, v));
          ifeval.ifPresent(v -> m.put(FrontierConfig.IFEVAL, v));
          return m;
        });
    return Combinators.combine(model, lab, date, score, score, extra).as(Release::new);
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

  @Property(tries = 300)
  void resultsDoNotDependOnInputOrder(@ForAll("cohorts") List<Release> rs, @ForAll Random random) {
    List<Release> shuffled = new ArrayList<>(rs);
    Collections.shuffle(shuffled, random);
    assertThat(everything(shuffled, SMALL)).isEqualTo(everything(rs, SMALL));
  }

  @Property(tries = 300)
  void degenerateCohortsGiveUndefinedNeverNanNorAnException(@ForAll("cohorts") List<Release> rs) {
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

  @Property
  void fisherZIsAntisymmetricInItsWindows(
      @ForAll @DoubleRange(min = -0.99, max = 0.99) double r1,
      @ForAll @DoubleRange(min = -0.99, max = 0.99) double r2,
      @ForAll @IntRange(min = 4, max = 200) int n1,
      @ForAll @IntRange(min = 4, max = 200) int n2) {
    FisherZTest a = CorrelationDecay.fisherZ(r1, n1, r2, n2, 0.05).value();
    FisherZTest b = CorrelationDecay.fisherZ(r2, n2, r1, n1, 0.05).value();
    assertThat(a.z()).isCloseTo(-b.z(), within(1e-12));
    assertThat(a.p()).isCloseTo(b.p(), within(1e-12));
    assertThat(a.p()).isBetween(0.0, 1.0);
  }

  @Property
  void defaultLabelsAreCooperativeExactlyWithinTenPoints(
      @ForAll @DoubleRange(min = -40, max = 40) double h) {
    HLabel label = HField.label(h, FrontierConfig.defaults());
    assertThat(label == HLabel.COOPERATIVE).isEqualTo(Math.abs(h) <= 10);
    assertThat(label == HLabel.CODING_SPECIALIST).isEqualTo(h < -10);
  }
}
