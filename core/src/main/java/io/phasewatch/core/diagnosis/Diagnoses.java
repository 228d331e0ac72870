package io.phasewatch.core.diagnosis;

import io.phasewatch.core.base.CriticalScale;
import io.phasewatch.core.base.Isocline;
import io.phasewatch.core.base.LocalCoupling;
import io.phasewatch.core.base.LogScale;
import io.phasewatch.core.base.ModelPoint;
import io.phasewatch.core.base.NcBootstrap;
import io.phasewatch.core.base.Phase;
import io.phasewatch.core.base.PopulationCoupling;
import io.phasewatch.core.base.WidthNormalisation;
import io.phasewatch.core.frontier.AxisActivation;
import io.phasewatch.core.frontier.AxisSpread;
import io.phasewatch.core.frontier.CorrelationWindow;
import io.phasewatch.core.frontier.DecayAssessment;
import io.phasewatch.core.frontier.FrontierConfig;
import io.phasewatch.core.frontier.HField;
import io.phasewatch.core.frontier.LabCoupling;
import io.phasewatch.core.frontier.LabHoldout;
import io.phasewatch.core.frontier.LabSummary;
import io.phasewatch.core.frontier.PopulationTrend;
import io.phasewatch.core.frontier.PredictionInterval;
import io.phasewatch.core.frontier.Release;
import io.phasewatch.core.frontier.ReleaseH;
import io.phasewatch.core.frontier.Saturation;
import io.phasewatch.core.frontier.SaturationPair;
import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.Pearson;
import io.phasewatch.core.stats.PermutationTest;
import io.phasewatch.core.stats.QuadraticFit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The facade of the analysis (METHOD.md §1–§3): one call per family, pooled panel or frontier
 * cohort, returning a JSON-ready diagnosis. It composes the statistics of {@code core.base} and
 * {@code core.frontier} and adds no statistics of its own.
 *
 * <p>Every method sorts its input first (models by size then name; releases by model id), so the
 * result depends on the set of inputs, not on their order. Names are compared ignoring case
 * first: model ids are case-insensitive (ingest lower-cases them, a CSV keeps the vendor's
 * spelling), and the order decides which model each bootstrap draw picks. Degenerate input never throws: each
 * statistic that cannot be computed is empty and named, with its reason, in {@code undefined}.
 */
public final class Diagnoses {
  private Diagnoses() {}

  /** Base models in the canonical order: size, then model name (case ignored first), scores. */
  static final Comparator<BaseModelPoint> BY_SIZE = Comparator
      .comparingDouble(BaseModelPoint::paramsB)
      .thenComparing(BaseModelPoint::model, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(BaseModelPoint::model)
      .thenComparing(BaseModelPoint::family)
      .thenComparingDouble(BaseModelPoint::b1)
      .thenComparingDouble(BaseModelPoint::b2);

  /**
   * One family (METHOD.md §1.1–§1.6): r within the family, the width-normalised r, γ12 and phase
   * of each model, the crossing interval, the per-family vertex N_c with its bootstrap ({@link
   * #familyNc}) and the largest model's phase. The per-family vertex is reported only when it
   * lies inside the configured vertex window (7 &lt; x &lt; 12 by default), like a kept bootstrap
   * resample.
   */
  public static FamilyDiagnosis family(String family, List<BaseModelPoint> models, DiagnosisConfig c) {
    return family(family, models, c, familyNc(models, c));
  }

  /**
   * The per-family bootstrap N_c (METHOD.md §1.4 "per family: the same vertex estimate on the
   * family's own models when it has ≥ 4 sizes"): {@link NcBootstrap} over the family's models with
   * the configured resamples, seed and window; undefined below {@link
   * DiagnosisConfig#familyMinSizes()} distinct sizes. It depends only on each model's name, size
   * and B2 ({@link #familyNcInputs}).
   */
  public static Outcome<PanelDiagnosis.NcBootstrap> familyNc(List<BaseModelPoint> models,
      DiagnosisConfig c) {
    long sizes = models.stream().mapToDouble(BaseModelPoint::paramsB).distinct().count();
    if (sizes < c.familyMinSizes()) {
      return Outcome.undefined("fewer than " + c.familyMinSizes() + " sizes (" + sizes + ")");
    }
    List<ModelPoint> points = models.stream().sorted(BY_SIZE).map(Diagnoses::point).toList();
    return NcBootstrap.of(points, c.bootstrap()).map(b -> ncBlock(b, c));
  }

  /** What the bootstrap reads of one model (METHOD.md §1.4: x from the size, y = B2). */
  public record NcInput(String model, double paramsB, double b2) {}

  /**
   * What {@link #familyNc} reads, in its order: each model's name, size and B2, sorted by size
   * then name. Two lists of models with equal inputs have equal bootstraps.
   */
  public static List<NcInput> familyNcInputs(List<BaseModelPoint> models) {
    return models.stream().sorted(BY_SIZE)
        .map(m -> new NcInput(m.model(), m.paramsB(), m.b2())).toList();
  }

  /**
   * {@link #family(String, List, DiagnosisConfig)} with its bootstrap given: {@code nc} must be
   * {@link #familyNc} of the same models (or of models with equal {@link #familyNcInputs}), as
   * the streams app reuses a family's bootstrap while its sizes and B2 stay the same.
   */
  public static FamilyDiagnosis family(String family, List<BaseModelPoint> models,
      DiagnosisConfig c, Outcome<PanelDiagnosis.NcBootstrap> familyNc) {
    List<BaseModelPoint> sorted = models.stream().sorted(BY_SIZE).toList();
    List<ModelPoint> points = sorted.stream().map(Diagnoses::point).toList();
    Map<String, String> undefined = new TreeMap<>();

    double[] b1 = points.stream().mapToDouble(ModelPoint::b1).toArray();
    double[] b2 = points.stream().mapToDouble(ModelPoint::b2).toArray();
    Outcome<Double> r = Pearson.r(b1, b2);
    Outcome<Double> p = r.flatMap(v -> Pearson.pParametric(v, b1.length));
    Outcome<Double> rWidth = WidthNormalisation.r(points);

    Map<String, BaseModelPoint> byName = sorted.stream()
        .collect(Collectors.toMap(BaseModelPoint::model, Function.identity(), (a, b) -> a));
    Outcome<FamilyDiagnosis.Crossing> crossing = CriticalScale
        .crossingInterval(points, c.minAbsDeltaB1())
        .map(ci -> new FamilyDiagnosis.Crossing(ci.fromModel(), ci.toModel(),
            byName.get(ci.fromModel()).paramsB(), byName.get(ci.toModel()).paramsB(),
            ci.fromGamma12(), ci.toGamma12()));

    List<LocalCoupling.ModelCoupling> coupling =
        LocalCoupling.perModel(points, c.minAbsDeltaB1(), c.phaseRule());
    List<FamilyDiagnosis.Model> rows = new ArrayList<>(coupling.size());
    for (LocalCoupling.ModelCoupling m : coupling) {
      ModelPoint pt = m.point();
      rows.add(new FamilyDiagnosis.Model(pt.model(), pt.paramsB(), pt.b1(), pt.b2(),
          optional(m.gamma12()), optionalObject(m.phase().map(Phase::id)),
          isocline(pt.b1(), pt.b2(), c.isoclineRatio())));
    }

    Outcome<Double> nc = CriticalScale.familyVertex(points, c.familyMinSizes())
        .flatMap(v -> insideWindow(v.vertexX(), v.ncB(), c.bootstrap()));

    Optional<LocalCoupling.ModelCoupling> largest =
        coupling.isEmpty() ? Optional.empty() : Optional.of(coupling.get(coupling.size() - 1));
    Outcome<Double> largestGamma = largest.isPresent()
        ? largest.get().gamma12() : Outcome.undefined("no models");
    Outcome<String> largestPhase = largest.isPresent()
        ? largest.get().phase().map(Phase::id) : Outcome.undefined("no models");

    note(undefined, "r", r);
    note(undefined, "p_parametric", p);
    note(undefined, "r_width_normalized", rWidth);
    note(undefined, "crossing", crossing);
    note(undefined, "nc_b", nc);
    note(undefined, "nc", familyNc);
    note(undefined, "largest_gamma12", largestGamma);
    note(undefined, "largest_phase", largestPhase);
    if (largest.isEmpty()) {
      undefined.put("largest_model", "no models");
    }
    return new FamilyDiagnosis(FamilyDiagnosis.SCHEMA_VERSION, family, sorted.size(),
        optional(r), optional(p), optional(rWidth), optionalObject(crossing), rows, optional(nc),
        optionalObject(familyNc), largest.map(m -> m.point().model()), optional(largestGamma),
        optionalObject(largestPhase), undefined, false);
  }

  /**
   * A pooled panel (METHOD.md §1.3, §1.4): r with parametric and permutation p-values, the
   * full-data quadratic and its vertex, the bootstrap N_c and the γ12 zero crossing.
   */
  public static PanelDiagnosis panel(String panel, List<BaseModelPoint> models, DiagnosisConfig c) {
    List<BaseModelPoint> sorted = models.stream().sorted(BY_SIZE).toList();
    List<ModelPoint> points = sorted.stream().map(Diagnoses::point).toList();
    Map<String, String> undefined = new TreeMap<>();
    List<String> families = sorted.stream().map(BaseModelPoint::family).distinct()
        .sorted(Comparator.comparing((String f) -> f.toLowerCase(Locale.ROOT)).thenComparing(f -> f))
        .toList();

    PopulationCoupling coupling = PopulationCoupling.of(points, c.permutation());
    Outcome<Double> pPerm = coupling.permutation().map(PermutationTest.Result::p);
    Optional<PanelDiagnosis.Permutation> permutation = optionalObject(coupling.permutation()
        .map(res -> new PanelDiagnosis.Permutation(res.exact() ? "exact" : "monte_carlo",
            res.count(), res.permutations())));

    double[] x = points.stream().mapToDouble(ModelPoint::x).toArray();
    double[] y = points.stream().mapToDouble(ModelPoint::b2).toArray();
    Outcome<QuadraticFit> fit = QuadraticFit.fit(x, y);
    Outcome<Double> vertex = CriticalScale.quadraticVertex(points).map(v -> v.ncB());
    Outcome<Double> gammaZero = CriticalScale.gammaZeroCrossing(points, c.minAbsDeltaB1())
        .map(CriticalScale.GammaZeroCrossing::ncB);
    Outcome<PanelDiagnosis.NcBootstrap> nc = NcBootstrap.of(points, c.bootstrap())
        .map(b -> ncBlock(b, c));

    List<PanelDiagnosis.Model> rows = new ArrayList<>(sorted.size());
    for (BaseModelPoint m : sorted) {
      OptionalDouble h = fit.isDefined()
          ? OptionalDouble.of(m.b2() - fit.value().predict(LogScale.x(m.paramsB())))
          : OptionalDouble.empty();
      rows.add(new PanelDiagnosis.Model(m.model(), m.family(), m.paramsB(), m.b1(), m.b2(), h));
    }

    note(undefined, "r", coupling.r());
    note(undefined, "p_parametric", coupling.pParametric());
    note(undefined, "p_permutation", pPerm);
    note(undefined, "quadratic", fit);
    note(undefined, "nc_vertex_b", vertex);
    note(undefined, "nc_gamma_zero_b", gammaZero);
    note(undefined, "nc", nc);
    return new PanelDiagnosis(PanelDiagnosis.SCHEMA_VERSION, panel, sorted.size(), families,
        optional(coupling.r()), optional(coupling.pParametric()), optional(pPerm), permutation,
        optional(gammaZero), optional(vertex),
        optionalObject(fit.map(f -> new PanelDiagnosis.Quadratic(f.a(), f.b(), f.c()))),
        optionalObject(nc), rows, undefined);
  }

  /**
   * A frontier cohort (METHOD.md §3): the population trend, h-field and labels, prediction
   * intervals, per-lab mean h, slope and leave-one-lab-out error, reallocations, saturation and
   * activation, and correlation decay over time.
   */
  public static FrontierDiagnosis frontier(
      String cohort, List<FrontierRelease> releases, DiagnosisConfig c) {
    FrontierConfig fc = c.frontier();
    List<Release> rs = releases.stream().map(Diagnoses::release).sorted(RELEASE_ORDER).toList();
    Map<String, String> undefined = new TreeMap<>();
    Outcome<PopulationTrend> trend = PopulationTrend.fit(rs);
    note(undefined, "trend", trend);

    Map<Release, ReleaseH> hByRelease = new java.util.HashMap<>();
    if (trend.isDefined()) {
      for (ReleaseH rh : HField.field(rs, trend.value(), fc)) {
        hByRelease.put(rh.release(), rh);
      }
    }
    List<FrontierDiagnosis.Release> rows = new ArrayList<>(rs.size());
    for (Release r : rs) {
      ReleaseH rh = hByRelease.get(r);
      Optional<PredictionInterval> pi = trend.isDefined()
          ? Optional.of(PredictionInterval.at(trend.value(), r.b1(), fc.predictionLevel()))
          : Optional.empty();
      Outcome<Boolean> bonus = io.phasewatch.core.frontier.Isocline.classify(r, fc)
          .map(ip -> ip.bonus());
      rows.add(new FrontierDiagnosis.Release(r.model(), r.lab(), r.releaseDate(), r.b1(), r.b2(),
          rh == null ? OptionalDouble.empty() : OptionalDouble.of(rh.h()),
          rh == null ? Optional.empty() : Optional.of(rh.label().name().toLowerCase(Locale.ROOT)),
          pi.map(x -> new Bounds(x.lower(), x.upper())),
          pi.map(x -> x.outside(r.b2())),
          optionalObject(bonus)));
    }

    Map<String, LabSummary> summaries = new TreeMap<>();
    if (trend.isDefined()) {
      for (LabSummary s : LabCoupling.labSummaries(rs, trend.value())) {
        summaries.put(s.lab(), s);
      }
    }
    List<LabHoldout> holdouts = LabCoupling.leaveOneLabOut(rs);
    List<FrontierDiagnosis.Lab> labs = new ArrayList<>();
    for (LabHoldout h : holdouts) {
      LabSummary s = summaries.get(h.lab());
      List<Release> own = rs.stream().filter(r -> r.lab().equals(h.lab())).toList();
      labs.add(new FrontierDiagnosis.Lab(h.lab(), h.n(),
          s == null ? OptionalDouble.empty() : OptionalDouble.of(s.meanH()),
          optional(s == null ? LabCoupling.labSlope(own) : s.slope()), optional(h.maePp())));
    }
    Outcome<Double> holdoutMean = LabCoupling.meanHoldoutMae(holdouts, fc.holdoutMinLabReleases());
    note(undefined, "holdout_mae_mean", holdoutMean);

    List<FrontierDiagnosis.Reallocation> reallocations = trend.isDefined()
        ? HField.reallocations(HField.field(rs, trend.value(), fc), fc).stream()
            .map(ra -> new FrontierDiagnosis.Reallocation(ra.lab(), ra.fromModel(), ra.fromDate(),
                ra.fromH(), ra.toModel(), ra.toDate(), ra.toH(), ra.deltaH()))
            .toList()
        : List.of();

    FrontierDiagnosis.Saturation saturation = saturation(rs, fc);
    FrontierDiagnosis.Rolling rolling = rolling(rs, fc, undefined);

    Optional<PopulationTrend> t = optionalObject(trend);
    Outcome<Double> r = trend.flatMap(PopulationTrend::r);
    Outcome<Double> p = trend.flatMap(PopulationTrend::p);
    if (trend.isDefined()) {
      note(undefined, "r", r);
      note(undefined, "p", p);
    }
    return new FrontierDiagnosis(FrontierDiagnosis.SCHEMA_VERSION, cohort, rs.size(),
        optional(r), optional(p),
        t.map(x -> OptionalDouble.of(x.slope())).orElse(OptionalDouble.empty()),
        t.map(x -> OptionalDouble.of(x.intercept())).orElse(OptionalDouble.empty()),
        t.map(x -> OptionalDouble.of(x.slopeSe())).orElse(OptionalDouble.empty()),
        t.map(x -> OptionalDouble.of(x.interceptSe())).orElse(OptionalDouble.empty()),
        t.map(x -> OptionalDouble.of(x.residualSd())).orElse(OptionalDouble.empty()),
        rows, labs, optional(holdoutMean), reallocations, saturation, rolling, undefined);
  }

  /** Release-date order, undated releases last, ties by model id (case ignored first), content. */
  static final Comparator<Release> RELEASE_ORDER = Comparator
      .comparing((Release r) -> r.releaseDate().orElse(LocalDate.MAX))
      .thenComparing(Release::model, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(Release::model)
      .thenComparing(Release::lab)
      .thenComparingDouble(Release::b1)
      .thenComparingDouble(Release::b2)
      .thenComparing(r -> r.extraAxes().toString());

  private static FrontierDiagnosis.Saturation saturation(List<Release> rs, FrontierConfig fc) {
    List<FrontierDiagnosis.Spread> spreads = new ArrayList<>();
    for (String axis : fc.saturationAxes()) {
      if (rs.stream().anyMatch(r -> r.score(axis, fc).isPresent())) {
        AxisSpread s = Saturation.spread(rs, axis, fc);
        spreads.add(new FrontierDiagnosis.Spread(s.axis(), s.scored(), optional(s.spread())));
      }
    }
    List<FrontierDiagnosis.Pair> pairs = new ArrayList<>();
    for (SaturationPair sp : Saturation.allPairs(rs, fc)) {
      pairs.add(new FrontierDiagnosis.Pair(sp.activeAxis(), sp.candidateAxis(),
          optional(sp.sigma()), optionalObject(sp.rotate())));
    }
    List<FrontierDiagnosis.Activation> activations = new ArrayList<>();
    for (AxisActivation a : Saturation.activations(rs, fc)) {
      activations.add(new FrontierDiagnosis.Activation(a.activeAxis(), a.candidateAxis(), a.n(),
          optional(a.r()), optionalObject(a.activating())));
    }
    return new FrontierDiagnosis.Saturation(fc.saturationTopK(), spreads, pairs, activations);
  }

  private static FrontierDiagnosis.Rolling rolling(
      List<Release> rs, FrontierConfig fc, Map<String, String> undefined) {
    DecayAssessment d = io.phasewatch.core.frontier.CorrelationDecay.assess(rs, fc);
    note(undefined, "rolling.latest", d.latest());
    note(undefined, "rolling.fisher", d.fisher());
    note(undefined, "rolling.level", d.level());
    return new FrontierDiagnosis.Rolling(fc.rollingWindow(), d.datedReleases(),
        d.undatedReleases(),
        d.rolling().stream().map(Diagnoses::window).toList(),
        d.expanding().stream().map(Diagnoses::window).toList(),
        optionalObject(d.baseline().map(Diagnoses::window)),
        optionalObject(d.latest().map(Diagnoses::window)),
        optional(d.fisher().map(f -> f.z())),
        optional(d.fisher().map(f -> f.p())),
        optionalObject(d.level().map(l -> l.name().toLowerCase(Locale.ROOT))),
        d.narrowB1Range(), d.alert());
  }

  private static FrontierDiagnosis.Window window(CorrelationWindow w) {
    return new FrontierDiagnosis.Window(w.n(), w.firstModel(), w.firstDate(), w.lastModel(),
        w.lastDate(), optional(w.r()), w.b1Range());
  }

  private static PanelDiagnosis.NcBootstrap ncBlock(NcBootstrap b, DiagnosisConfig c) {
    return new PanelDiagnosis.NcBootstrap(b.medianB(), new Bounds(b.ci95B().lo(), b.ci95B().hi()),
        new Bounds(b.ci68B().lo(), b.ci68B().hi()), b.kept(), b.resamples(), c.bootstrap().seed());
  }

  private static Outcome<Double> insideWindow(double vertexX, double ncB, NcBootstrap.Config window) {
    if (vertexX > window.minVertexX() && vertexX < window.maxVertexX()) {
      return Outcome.of(ncB);
    }
    return Outcome.undefined(String.format(Locale.ROOT,
        "the vertex x = %.2f (%.3gB) lies outside %.0f < x < %.0f", vertexX, ncB,
        window.minVertexX(), window.maxVertexX()));
  }

  private static Optional<String> isocline(double b1, double b2, double ratio) {
    Outcome<Phase> phase = Isocline.classify(b1, b2, ratio);
    return phase.isDefined() ? Optional.of(phase.value().id()) : Optional.empty();
  }

  private static ModelPoint point(BaseModelPoint m) {
    return new ModelPoint(m.model(), m.paramsB(), m.b1(), m.b2(), m.dModel());
  }

  private static Release release(FrontierRelease r) {
    return new Release(r.model(), r.lab(), r.releaseDate(), r.b1(), r.b2(), r.extraAxes());
  }

  private static OptionalDouble optional(Outcome<Double> o) {
    return o.isDefined() ? OptionalDouble.of(o.value()) : OptionalDouble.empty();
  }

  private static <T> Optional<T> optionalObject(Outcome<T> o) {
    return o.isDefined() ? Optional.of(o.value()) : Optional.empty();
  }

  private static void note(Map<String, String> undefined, String field, Outcome<?> o) {
    if (!o.isDefined()) {
      undefined.put(field, o.reason());
    }
  }
}
