package io.phasewatch.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiagnosesTest {
  static final DiagnosisConfig FAST = DiagnosisConfig.defaults().withBootstrap(500, 42);

  /** METHOD.md §1.3/§1.5: Pythia, 8 models, with d_model. */
  static List<BaseModelPoint> pythia() {
    double[] n = {0.07, 0.16, 0.41, 1.0, 1.4, 2.8, 6.9, 12};
    double[] hs = {27.3, 31.4, 40.9, 49.7, 52.9, 60.7, 64.0, 67.3};
    double[] tqa = {47.1, 44.3, 41.2, 38.9, 38.9, 35.6, 33.0, 32.0};
    int[] width = {512, 768, 1024, 2048, 2048, 2560, 4096, 5120};
    String[] name = {"70m", "160m", "410m", "1b", "1.4b", "2.8b", "6.9b", "12b"};
    List<BaseModelPoint> out = new ArrayList<>();
    for (int i = 0; i < n.length; i++) {
      out.add(new BaseModelPoint("pythia-" + name[i], "Pythia", n[i], hs[i], tqa[i],
          OptionalInt.of(width[i]), Map.of()));
    }
    return out;
  }

  /**
   * METHOD.md §1.4's 14-model table. Names as in data/bundled: at equal sizes (7B, 13B) the γ12
   * zero crossing orders models by name, and these names put Llama-1 first, as CAPE's list does.
   */
  static List<BaseModelPoint> paperPanel() {
    Object[][] rows = {
        {"pythia-70m", "Pythia", 0.07, 27.29, 47.64}, {"pythia-160m", "Pythia", 0.16, 29.59, 43.52},
        {"pythia-410m", "Pythia", 0.41, 40.56, 40.34}, {"pythia-1b", "Pythia", 1.0, 47.16, 38.67},
        {"pythia-1.4b", "Pythia", 1.4, 52.01, 38.66}, {"pythia-2.8b", "Pythia", 2.8, 59.37, 35.56},
        {"pythia-6.9b", "Pythia", 6.9, 64.02, 32.76}, {"pythia-12b", "Pythia", 12.0, 67.30, 32.47},
        {"huggyllama/llama-7b", "Llama-1", 7.0, 77.81, 34.33},
        {"huggyllama/llama-13b", "Llama-1", 13.0, 80.92, 39.48},
        {"huggyllama/llama-65b", "Llama-1", 65.0, 86.09, 43.43},
        {"meta-llama/Llama-2-7b-hf", "Llama-2", 7.0, 77.74, 38.98},
        {"meta-llama/Llama-2-13b-hf", "Llama-2", 13.0, 82.10, 37.40},
        {"meta-llama/Llama-2-70b-hf", "Llama-2", 70.0, 87.30, 44.90}};
    List<BaseModelPoint> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(BaseModelPoint.of((String) r[0], (String) r[1], (double) r[2], (double) r[3],
          (double) r[4]));
    }
    return out;
  }

  static List<FrontierRelease> cohort() {
    return List.of(
        release("a1", "A", "2025-01-10", 40, 60, Map.of("hle", 10.0)),
        release("a2", "A", "2025-03-01", 50, 66, Map.of("hle", 14.0)),
        release("a3", "A", "2025-06-01", 62, 70, Map.of()),
        release("b1", "B", "2025-02-01", 30, 58, Map.of("hle", 8.0)),
        release("b2", "B", "2025-05-01", 70, 80, Map.of("hle", 25.0)),
        release("c1", "C", "2025-04-01", 55, 50, Map.of()),
        new FrontierRelease("d1", "D", Optional.empty(), 45, 63, Map.of()));
  }

  static FrontierRelease release(String m, String lab, String date, double b1, double b2,
      Map<String, Double> extra) {
    return new FrontierRelease(m, lab, Optional.of(LocalDate.parse(date)), b1, b2, extra);
  }

  @Test
  void pythiaFamilyGivesTheMethodReferenceCorrelations() {
    FamilyDiagnosis d = Diagnoses.family("Pythia", pythia(), FAST);
    assertThat(d.n()).isEqualTo(8);
    assertThat(d.r().getAsDouble()).isCloseTo(-0.9886, within(5e-5));
    assertThat(d.pParametric().getAsDouble()).isCloseTo(3.7e-6, within(0.1e-6));
    assertThat(d.rWidthNormalized().getAsDouble()).isCloseTo(0.9626, within(5e-5));
  }

  @Test
  void pythiaFamilyCarriesEachIntervalsGammaAndNeverCrosses() {
    FamilyDiagnosis d = Diagnoses.family("Pythia", pythia(), FAST);
    List<FamilyDiagnosis.Model> m = d.models();
    assertThat(m).extracting(FamilyDiagnosis.Model::model).startsWith("pythia-70m")
        .endsWith("pythia-12b");
    assertThat(m.get(0).gamma12()).isEmpty();
    assertThat(m.get(0).phase()).isEmpty();
    // 1b → 1.4b: ΔTQA = 0 → γ12 = 0, inside the dead band
    assertThat(m.get(4).gamma12().getAsDouble()).isEqualTo(0.0);
    assertThat(m.get(4).phase()).contains("transition");
    // 6.9b → 12b: (32.0 − 33.0) / (67.3 − 64.0)
    assertThat(m.get(7).gamma12().getAsDouble()).isCloseTo(-1.0 / 3.3, within(1e-12));
    assertThat(d.largestModel()).contains("pythia-12b");
    assertThat(d.largestPhase()).contains("tax");
    assertThat(d.largestGamma12().getAsDouble()).isCloseTo(-1.0 / 3.3, within(1e-12));
    assertThat(d.crossing()).isEmpty();
    assertThat(d.undefined()).containsKey("crossing");
  }

  @Test
  void familyCrossingIsTheLastTurnFromNegativeToPositiveGamma() {
    // γ12: b −0.5 (tax), c +0.2 (bonus), d +1.3 (bonus); r by hand = 160 / sqrt(500·133)
    List<BaseModelPoint> f = List.of(
        BaseModelPoint.of("d", "F", 4, 40, 60), BaseModelPoint.of("a", "F", 1, 10, 50),
        BaseModelPoint.of("c", "F", 3, 30, 47), BaseModelPoint.of("b", "F", 2, 20, 45));
    FamilyDiagnosis d = Diagnoses.family("F", f, FAST);
    assertThat(d.r().getAsDouble()).isCloseTo(160 / Math.sqrt(500.0 * 133), within(1e-12));
    assertThat(d.models()).extracting(m -> m.phase().orElse("none"))
        .containsExactly("none", "tax", "bonus", "bonus");
    FamilyDiagnosis.Crossing c = d.crossing().orElseThrow();
    assertThat(c.fromModel()).isEqualTo("b");
    assertThat(c.toModel()).isEqualTo("c");
    assertThat(c.fromParamsB()).isEqualTo(2);
    assertThat(c.toParamsB()).isEqualTo(3);
    assertThat(c.fromGamma12()).isCloseTo(-0.5, within(1e-12));
    assertThat(c.toGamma12()).isCloseTo(0.2, within(1e-12));
    assertThat(d.largestGamma12().getAsDouble()).isCloseTo(1.3, within(1e-12));
    assertThat(d.rWidthNormalized()).isEmpty();
    assertThat(d.undefined().get("r_width_normalized")).contains("d_model");
  }

  @Test
  void familyVertexIsReportedOnlyInsideTheVertexWindow() {
    // TQA = (x − 10)² + 30 on 4 sizes around 10B: a valley at x = 10, i.e. N_c = 10B
    List<BaseModelPoint> valley = new ArrayList<>();
    double[] xs = {9.0, 9.5, 10.5, 11.0};
    for (int i = 0; i < xs.length; i++) {
      valley.add(BaseModelPoint.of("m" + i, "V", Math.pow(10, xs[i] - 9), 30 + 10 * i,
          (xs[i] - 10) * (xs[i] - 10) + 30));
    }
    assertThat(Diagnoses.family("V", valley, FAST).ncB().getAsDouble()).isCloseTo(10, within(1e-6));
    // three sizes are too few for a per-family vertex
    FamilyDiagnosis three = Diagnoses.family("V", valley.subList(0, 3), FAST);
    assertThat(three.ncB()).isEmpty();
    assertThat(three.undefined().get("nc_b")).contains("fewer than 4 sizes");
    // TQA = (x − 13)²: the vertex at x = 13 lies outside 7 < x < 12
    List<BaseModelPoint> far = valley.stream().map(p -> BaseModelPoint.of(p.model(), "V",
        p.paramsB(), p.b1(), Math.pow(p.log10Params() - 13, 2))).toList();
    FamilyDiagnosis outside = Diagnoses.family("V", far, FAST);
    assertThat(outside.ncB()).isEmpty();
    assertThat(outside.undefined().get("nc_b")).contains("outside 7 < x < 12");
  }

  @Test
  void familyBootstrapIsThePanelBootstrapOnTheFamilysOwnModels() {
    // the §1.4 table taken as one "family": the per-family bootstrap must give the figures
    // METHOD.md publishes for it (seed 42: median 3.49B, 95% [2.92B, 12–16B])
    List<BaseModelPoint> all = paperPanel().stream()
        .map(m -> BaseModelPoint.of(m.model(), "All", m.paramsB(), m.b1(), m.b2())).toList();
    FamilyDiagnosis d = Diagnoses.family("All", all, DiagnosisConfig.defaults());
    PanelDiagnosis.NcBootstrap nc = d.nc().orElseThrow();
    assertThat(nc.medianB()).isCloseTo(3.49, within(3.49 * 0.02));
    assertThat(nc.ci95B().lo()).isCloseTo(2.92, within(2.92 * 0.02));
    assertThat(nc.ci95B().hi()).isBetween(12.0, 16.5);
    assertThat(nc).isEqualTo(Diagnoses.panel("p", all, DiagnosisConfig.defaults()).nc()
        .orElseThrow());
    assertThat(d.undefined()).doesNotContainKey("nc");
  }

  @Test
  void familyBootstrapNeedsFourSizes() {
    List<BaseModelPoint> three = pythia().subList(0, 3);
    FamilyDiagnosis d = Diagnoses.family("Pythia", three, FAST);
    assertThat(d.nc()).isEmpty();
    assertThat(d.undefined().get("nc")).isEqualTo("fewer than 4 sizes (3)");
  }

  @Test
  void familyBootstrapInputsAreNameSizeAndB2InSizeOrder() {
    List<BaseModelPoint> shuffled = new ArrayList<>(pythia());
    Collections.reverse(shuffled);
    assertThat(Diagnoses.familyNcInputs(shuffled)).isEqualTo(Diagnoses.familyNcInputs(pythia()));
    assertThat(Diagnoses.familyNcInputs(pythia()).get(0))
        .isEqualTo(new Diagnoses.NcInput("pythia-70m", 0.07, 47.1));
    // a B1 change leaves the inputs, and so the bootstrap, as they were
    List<BaseModelPoint> b1Moved = pythia().stream().map(m -> new BaseModelPoint(m.model(),
        m.family(), m.paramsB(), m.b1() + 1, m.b2(), m.dModel(), m.extraAxes())).toList();
    assertThat(Diagnoses.familyNcInputs(b1Moved)).isEqualTo(Diagnoses.familyNcInputs(pythia()));
    assertThat(Diagnoses.family("Pythia", b1Moved, FAST,
        Diagnoses.familyNc(pythia(), FAST))).isEqualTo(Diagnoses.family("Pythia", b1Moved, FAST));
  }

  @Test
  void paperPanelGivesTheMethodCriticalScale() {
    PanelDiagnosis d = Diagnoses.panel("paper", paperPanel(), DiagnosisConfig.defaults());
    assertThat(d.n()).isEqualTo(14);
    assertThat(d.families()).containsExactly("Llama-1", "Llama-2", "Pythia");
    PanelDiagnosis.Quadratic q = d.quadratic().orElseThrow();
    assertThat(q.a()).isCloseTo(4.532, within(5e-4));
    assertThat(q.b()).isCloseTo(-86.42, within(5e-3));
    assertThat(q.c()).isCloseTo(447.8, within(0.05));
    assertThat(d.ncVertexB().getAsDouble()).isCloseTo(3.43, within(0.005));
    PanelDiagnosis.NcBootstrap nc = d.nc().orElseThrow();
    assertThat(nc.medianB()).isCloseTo(3.49, within(3.49 * 0.02));
    assertThat(nc.ci95B().lo()).isCloseTo(2.92, within(2.92 * 0.02));
    assertThat(nc.ci95B().hi()).isBetween(12.0, 16.5);
    assertThat(nc.resamples()).isEqualTo(10_000);
    assertThat(nc.seed()).isEqualTo(42);
    // core.base documents 4.73B from 12 intervals on this table in CAPE's order
    assertThat(d.ncGammaZeroB().getAsDouble()).isCloseTo(4.73, within(0.01));
    assertThat(d.permutation().orElseThrow().method()).isEqualTo("monte_carlo");
    assertThat(d.permutation().orElseThrow().permutations()).isEqualTo(100_000);
    assertThat(d.undefined()).isEmpty();
  }

  @Test
  void panelResidualIsTheDistanceFromTheFullDataQuadratic() {
    PanelDiagnosis d = Diagnoses.panel("paper", paperPanel(), FAST);
    PanelDiagnosis.Quadratic q = d.quadratic().orElseThrow();
    for (PanelDiagnosis.Model m : d.models()) {
      double x = Math.log10(m.paramsB() * 1e9);
      assertThat(m.hResidual().getAsDouble())
          .isCloseTo(m.b2() - (q.a() * x * x + q.b() * x + q.c()), within(1e-9));
    }
  }

  @Test
  void smallPanelUsesTheExactPermutationTest() {
    // METHOD.md §1.3: Pythia's exact permutation p = 2/40320
    PanelDiagnosis d = Diagnoses.panel("pythia", pythia(), FAST);
    assertThat(d.permutation().orElseThrow().method()).isEqualTo("exact");
    assertThat(d.pPermutation().getAsDouble()).isCloseTo(2.0 / 40320, within(1e-15));
  }

  @Test
  void degenerateInputsAreUndefinedWithReasonsNeverThrow() {
    FamilyDiagnosis one = Diagnoses.family("F", List.of(BaseModelPoint.of("a", "F", 1, 50, 40)), FAST);
    assertThat(one.r()).isEmpty();
    assertThat(one.undefined()).containsKeys("r", "p_parametric", "crossing", "nc_b",
        "largest_gamma12", "largest_phase");
    assertThat(one.largestModel()).contains("a");

    FamilyDiagnosis none = Diagnoses.family("F", List.of(), FAST);
    assertThat(none.n()).isZero();
    assertThat(none.largestModel()).isEmpty();
    assertThat(none.undefined()).containsKey("largest_model");

    PanelDiagnosis two = Diagnoses.panel("p", List.of(BaseModelPoint.of("a", "F", 1, 50, 40),
        BaseModelPoint.of("b", "F", 2, 55, 41)), FAST);
    assertThat(two.r()).isEmpty();
    assertThat(two.nc()).isEmpty();
    assertThat(two.undefined()).containsKeys("r", "p_parametric", "p_permutation", "quadratic",
        "nc_vertex_b", "nc_gamma_zero_b", "nc");

    FrontierDiagnosis tiny = Diagnoses.frontier("c", cohort().subList(0, 2), FAST);
    assertThat(tiny.r()).isEmpty();
    assertThat(tiny.slope()).isEmpty();
    assertThat(tiny.releases()).allSatisfy(r -> {
      assertThat(r.h()).isEmpty();
      assertThat(r.pi95()).isEmpty();
    });
    assertThat(tiny.undefined()).containsKey("trend");
  }

  @Test
  void frontierReleasesCarryTheResidualOfTheReportedTrend() {
    FrontierDiagnosis d = Diagnoses.frontier("c", cohort(), FAST);
    assertThat(d.n()).isEqualTo(7);
    double slope = d.slope().getAsDouble();
    double intercept = d.intercept().getAsDouble();
    for (FrontierDiagnosis.Release r : d.releases()) {
      double predicted = slope * r.b1() + intercept;
      assertThat(r.h().getAsDouble()).isCloseTo(r.b2() - predicted, within(1e-9));
      assertThat(r.pi95().orElseThrow().lo()).isLessThan(predicted);
      assertThat(r.pi95().orElseThrow().hi()).isGreaterThan(predicted);
    }
    // release-date order, the undated release last
    assertThat(d.releases()).extracting(FrontierDiagnosis.Release::model)
        .containsExactly("a1", "b1", "a2", "c1", "b2", "a3", "d1");
    assertThat(d.labs()).extracting(FrontierDiagnosis.Lab::lab).containsExactly("A", "B", "C", "D");
    assertThat(d.labs()).extracting(FrontierDiagnosis.Lab::n).containsExactly(3, 2, 1, 1);
    // B's own slope through its two releases: (80 − 58) / (70 − 30)
    assertThat(d.labs().get(1).slope().getAsDouble()).isCloseTo(22.0 / 40, within(1e-12));
    assertThat(d.labs().get(2).slope()).isEmpty();
    assertThat(d.rolling().undatedReleases()).isEqualTo(1);
    assertThat(d.saturation().spreads()).extracting(FrontierDiagnosis.Spread::axis)
        .containsExactly("swe_bench_verified", "gpqa_diamond", "hle");
  }

  @Test
  void resultsDependOnTheInputSetNotItsOrder() {
    Random random = new Random(7);
    List<BaseModelPoint> panel = new ArrayList<>(paperPanel());
    List<FrontierRelease> releases = new ArrayList<>(cohort());
    FamilyDiagnosis family = Diagnoses.family("Pythia", pythia(), FAST);
    PanelDiagnosis pooled = Diagnoses.panel("paper", panel, FAST);
    FrontierDiagnosis frontier = Diagnoses.frontier("c", releases, FAST);
    for (int i = 0; i < 5; i++) {
      List<BaseModelPoint> p = new ArrayList<>(pythia());
      Collections.shuffle(p, random);
      Collections.shuffle(panel, random);
      Collections.shuffle(releases, random);
      assertThat(Diagnoses.family("Pythia", p, FAST)).isEqualTo(family);
      assertThat(Diagnoses.panel("paper", panel, FAST)).isEqualTo(pooled);
      assertThat(Diagnoses.frontier("c", releases, FAST)).isEqualTo(frontier);
    }
  }

  @Test
  void seedAndResamplesReachTheBootstrap() {
    PanelDiagnosis a = Diagnoses.panel("p", paperPanel(), DiagnosisConfig.defaults().withBootstrap(300, 1));
    PanelDiagnosis b = Diagnoses.panel("p", paperPanel(), DiagnosisConfig.defaults().withBootstrap(300, 2));
    assertThat(a.nc().orElseThrow().resamples()).isEqualTo(300);
    assertThat(a.nc().orElseThrow().seed()).isEqualTo(1);
    assertThat(a.nc()).isNotEqualTo(b.nc());
  }
}
