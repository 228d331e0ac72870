package io.phasewatch.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * METHOD.md §3 on real cohorts: the fixture copy of
 * shared/data/derived/frontier_swe_gpqa_pairs.csv.
 * Reference figures: SOURCES.md ("Sanity-check results") for r, and scipy/numpy on the same CSV
 * for the rest (linregress, polyfit, corrcoef; release order by date then model id).
 */
class FrontierDataIntegrationTest {

  private static final FrontierConfig DEFAULTS = FrontierConfig.defaults();
  private static final List<Release> MATRIX = FrontierFixtures.block("llm_benchmark_matrix");

  @Test
  void fixtureIsTheSharedFileWhenSharedDataIsPresent() throws IOException {
    Optional<Path> shared = FrontierFixtures.sharedData();
    Assumptions.assumeTrue(shared.isPresent(), "shared/data not found above the working directory");
    String original =
        Files.readString(shared.get().resolve("derived").resolve("frontier_swe_gpqa_pairs.csv"));
    assertThat(FrontierFixtures.pairsText()).isEqualTo(original);
  }

  @Test
  void matrixCohortGivesTheSourcesCorrelation() {
    PopulationTrend t = PopulationTrend.fit(MATRIX).value();
    assertThat(t.n()).isEqualTo(57);
    assertThat(t.r().value()).isCloseTo(0.736, within(0.0005));
    // scipy.stats.linregress on the same block.
    assertThat(t.r().value()).isCloseTo(0.735809, within(1e-6));
    assertThat(t.p().value()).isCloseTo(7.01209e-11, within(1e-15));
    assertThat(t.slope()).isCloseTo(0.590896, within(1e-6));
    assertThat(t.intercept()).isCloseTo(40.880794, within(1e-6));
    assertThat(t.slopeSe()).isCloseTo(0.073329, within(1e-6));
    assertThat(t.interceptSe()).isCloseTo(4.657884, within(1e-6));
  }

  @Test
  void epochAndLlmStatsCohortsGiveTheSourcesCorrelations() {
    assertCohort("epoch_hub_2026-01", 20, 0.51, 0.005, 0.510547);
    assertCohort("epoch_hub_2026-04", 20, 0.871, 0.0005, 0.870701);
    assertCohort("llmstats", 31, 0.769, 0.0005, 0.768509);
  }

  private static void assertCohort(
      String source, int n, double reported, double tol, double scipy) {
    List<Release> block = FrontierFixtures.block(source);
    PopulationTrend t = PopulationTrend.fit(block).value();
    SimpleRegression reg = new SimpleRegression();
    block.forEach(r -> reg.addData(r.b1(), r.b2()));
    assertThat(t.n()).as(source).isEqualTo(n);
    assertThat(t.r().value()).as(source).isCloseTo(reported, within(tol));
    assertThat(t.r().value()).as(source).isCloseTo(scipy, within(1e-6));
    assertThat(t.slopeSe()).as(source).isCloseTo(reg.getSlopeStdErr(), within(1e-9));
    assertThat(t.interceptSe()).as(source).isCloseTo(reg.getInterceptStdErr(), within(1e-9));
  }

  @Test
  void matrixLabsHaveTheirMeanHSlopeAndHoldoutError() {
    PopulationTrend t = PopulationTrend.fit(MATRIX).value();
    List<LabSummary> labs = LabCoupling.labSummaries(MATRIX, t);
    assertThat(labs).hasSize(17);
    LabSummary google = lab(labs, "Google");
    assertThat(google.n()).isEqualTo(7);
    assertThat(google.slope().value()).isCloseTo(0.8775804616384919, within(1e-9));
    assertThat(google.meanH()).isCloseTo(1.638193, within(1e-6));
    assertThat(lab(labs, "Anthropic").meanH()).isCloseTo(-3.227797, within(1e-6));
    assertThat(lab(labs, "Cohere").slope().reason()).isEqualTo("fewer than 2 releases (n=1)");

    List<LabHoldout> holdouts = LabCoupling.leaveOneLabOut(MATRIX);
    assertThat(holdout(holdouts, "OpenAI").maePp().value())
        .isCloseTo(5.279907776312424, within(1e-9));
    assertThat(holdout(holdouts, "Mistral").maePp().value())
        .isCloseTo(21.551287770126574, within(1e-9));
  }

  @Test
  void matrixTopFiveSpreadsShowSweBenchSaturatedAgainstHle() {
    // Top five: SWE 80.9…79.6, GPQA 94.3…91.0, HLE 50.2…42.8, IFEval 95.0…92.4.
    assertThat(Saturation.spread(MATRIX, FrontierConfig.SWE_BENCH_VERIFIED, DEFAULTS).spread()
        .value()).isCloseTo(1.3, within(1e-9));
    assertThat(Saturation.spread(MATRIX, FrontierConfig.GPQA_DIAMOND, DEFAULTS).spread().value())
        .isCloseTo(3.3, within(1e-9));
    AxisSpread hle = Saturation.spread(MATRIX, FrontierConfig.HLE, DEFAULTS);
    assertThat(hle.scored()).isEqualTo(38);
    assertThat(hle.spread().value()).isCloseTo(7.4, within(1e-9));
    assertThat(Saturation.spread(MATRIX, FrontierConfig.IFEVAL, DEFAULTS).scored()).isEqualTo(53);

    SaturationPair sweHle =
        Saturation.sigma(MATRIX, FrontierConfig.SWE_BENCH_VERIFIED, FrontierConfig.HLE, DEFAULTS);
    assertThat(sweHle.sigma().value()).isCloseTo(1.3 / 7.4, within(1e-9));
    assertThat(sweHle.rotate().value()).isTrue();
    assertThat(Saturation.allPairs(MATRIX, DEFAULTS)).hasSize(12)
        .allSatisfy(p -> assertThat(p.sigma().isDefined()).isTrue());

    AxisActivation sweToHle = Saturation.activation(
        MATRIX, FrontierConfig.SWE_BENCH_VERIFIED, FrontierConfig.HLE, DEFAULTS);
    assertThat(sweToHle.n()).isEqualTo(38);
    assertThat(sweToHle.r().value()).isCloseTo(0.6549157691253112, within(1e-9));
    assertThat(sweToHle.activating().value()).isTrue();
  }

  @Test
  void matrixRollingCorrelationHasDecayedInTheLatestWindow() {
    DecayAssessment a = CorrelationDecay.assess(MATRIX, DEFAULTS);
    assertThat(a.datedReleases()).isEqualTo(57);
    assertThat(a.rolling()).hasSize(48);
    assertThat(a.baseline().value().r().value()).isCloseTo(0.8428369584274469, within(1e-9));
    assertThat(a.latest().value().r().value()).isCloseTo(0.4522660404737899, within(1e-9));
    assertThat(a.latest().value().b1Range()).isCloseTo(24.0, within(1e-9));
    assertThat(a.fisher().value().z()).isCloseTo(-1.3906683790296064, within(1e-9));
    assertThat(a.fisher().value().p()).isCloseTo(0.16432601057529472, within(1e-9));
    assertThat(a.fisher().value().rejects()).isFalse();
    assertThat(a.level().value()).isEqualTo(CouplingLevel.DECAYED);
    assertThat(a.narrowB1Range()).isFalse();
    assertThat(a.alert()).isTrue();
    assertThat(a.expanding()).hasSize(53);
    assertThat(a.expanding().get(0).r().value()).isCloseTo(0.6481063498183113, within(1e-9));
    assertThat(a.expanding().get(52).r().value()).isCloseTo(0.7358085574247655, within(1e-9));
  }

  private static LabSummary lab(List<LabSummary> labs, String name) {
    return labs.stream().filter(l -> l.lab().equals(name)).findFirst().orElseThrow();
  }

  private static LabHoldout holdout(List<LabHoldout> hs, String name) {
    return hs.stream().filter(l -> l.lab().equals(name)).findFirst().orElseThrow();
  }
}
