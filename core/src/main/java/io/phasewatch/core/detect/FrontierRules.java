package io.phasewatch.core.detect;

import io.phasewatch.core.detect.FrontierObservation.ReallocationView;
import io.phasewatch.core.detect.FrontierObservation.ReleaseView;
import io.phasewatch.core.detect.FrontierObservation.SaturationView;
import io.phasewatch.core.detect.FrontierObservation.WindowView;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.Evidence;
import io.phasewatch.core.domain.Severity;
import io.phasewatch.core.domain.SubjectType;
import io.phasewatch.core.domain.SuggestedAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The frontier alerts of METHOD.md §3, each with a dead band:
 *
 * <ul>
 *   <li><b>FRONTIER_COUPLING_DECAY</b> (warning) fires when the latest rolling window's r falls
 *       below {@link DetectorConfig#decayBelowR()} (0.5) and clears at 0.5 + rMargin;
 *       <b>FRONTIER_COUPLING_BROKEN</b> (critical) likewise at {@link
 *       DetectorConfig#brokenBelowR()} (0.3). Both hold while the window has fewer than {@link
 *       DetectorConfig#minCohortReleases()} releases or a B1 range narrower than {@link
 *       DetectorConfig#minWindowB1RangePp()} (§3.5: coupling needs range).
 *   <li><b>LEADERBOARD_SATURATION</b>, per axis pair: fires when σ &lt; 0.2, clears at σ ≥ 0.2 +
 *       sigmaMargin; the action names the candidate axis to rotate to (§3.4).
 *   <li><b>ANOMALOUS_RELEASE</b>, per release: fires when its B2 lies outside its 95% prediction
 *       interval (§3.3), clears when it lies at least piMarginPp inside.
 *   <li><b>LAB_REALLOCATION</b>, per pair of consecutive releases of a lab: fires when |Δh| &gt;
 *       10, clears at |Δh| ≤ 10 − dhMargin (§3.2).
 * </ul>
 *
 * Every condition holds while the cohort has fewer than {@link
 * DetectorConfig#minCohortReleases()} releases.
 */
public final class FrontierRules {
  private FrontierRules() {}

  public static Evaluation evaluate(FrontierObservation obs, DetectorConfig config) {
    List<Condition> out = new ArrayList<>();
    boolean enough = obs.n() >= config.minCohortReleases();
    obs.latestWindow().ifPresent(w -> {
      if (w.r().isPresent()) {
        out.add(decay(obs, w, AlertKind.FRONTIER_COUPLING_DECAY, Severity.WARNING,
            config.decayBelowR(), config));
        out.add(decay(obs, w, AlertKind.FRONTIER_COUPLING_BROKEN, Severity.CRITICAL,
            config.brokenBelowR(), config));
      }
    });
    for (SaturationView s : obs.saturation()) {
      if (s.sigma().isPresent()) {
        out.add(saturation(obs, s, enough, config));
      }
    }
    for (ReleaseView r : obs.releases()) {
      if (r.pi95Lo().isPresent() && r.pi95Hi().isPresent()) {
        out.add(anomalous(obs, r, enough, config));
      }
    }
    for (ReallocationView p : obs.reallocations()) {
      out.add(reallocation(obs, p, enough, config));
    }
    return new Evaluation(out, Map.of());
  }

  private static Condition decay(FrontierObservation obs, WindowView w, AlertKind kind,
      Severity severity, double threshold, DetectorConfig config) {
    double r = w.r().getAsDouble();
    boolean enough = w.n() >= config.minCohortReleases()
        && w.b1Range() >= config.minWindowB1RangePp();
    Reading reading = enough ? Reading.falling(r, threshold, threshold + config.rMargin())
        : Reading.HOLD;
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("r_rolling", r);
    values.put("threshold", threshold);
    values.put("b1_range_pp", w.b1Range());
    Evidence evidence = new Evidence(values, OptionalInt.of(w.n()), Optional.empty(),
        Optional.of(new Evidence.Window(w.from(), w.to())), contributors(obs, w.models()));
    String summary = String.format(Locale.ROOT,
        "cohort %s: rolling r %.3f over %d releases %s…%s (B1 range %.1f pp) against %.2f",
        obs.cohort(), r, w.n(), w.from(), w.to(), w.b1Range(), threshold);
    return new Condition(kind, SubjectType.COHORT, obs.cohort(), "", reading, severity, summary,
        evidence, SuggestedAction.of(SuggestedAction.Kind.WIDEN,
            "the pair no longer couples across the cohort: widen the window or the B1 range "
                + "before acting, and watch for an activating axis"));
  }

  private static Condition saturation(FrontierObservation obs, SaturationView s, boolean enough,
      DetectorConfig config) {
    double sigma = s.sigma().getAsDouble();
    double t = config.saturationBelowSigma();
    Reading reading = enough ? Reading.falling(sigma, t, t + config.sigmaMargin()) : Reading.HOLD;
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("sigma", sigma);
    values.put("spread_active_pp", s.spreadActive());
    values.put("spread_candidate_pp", s.spreadCandidate());
    Evidence evidence = new Evidence(values, OptionalInt.of(obs.n()), Optional.empty(),
        Optional.empty(), List.of());
    String summary = String.format(Locale.ROOT,
        "cohort %s: %s no longer separates the top releases (σ = %.3f against %s)",
        obs.cohort(), s.activeAxis(), sigma, s.candidateAxis());
    return new Condition(AlertKind.LEADERBOARD_SATURATION, SubjectType.BENCHMARK, s.activeAxis(),
        obs.cohort() + "|" + s.candidateAxis(), reading, null, summary, evidence,
        SuggestedAction.rotateTo(s.candidateAxis(),
            "rotate from " + s.activeAxis() + " to " + s.candidateAxis()));
  }

  private static Condition anomalous(FrontierObservation obs, ReleaseView r, boolean enough,
      DetectorConfig config) {
    double lo = r.pi95Lo().getAsDouble();
    double hi = r.pi95Hi().getAsDouble();
    double m = config.piMarginPp();
    Reading reading = Reading.HOLD;
    if (enough) {
      if (r.b2() < lo || r.b2() > hi) {
        reading = Reading.ENTER;
      } else if (r.b2() >= lo + m && r.b2() <= hi - m) {
        reading = Reading.LEAVE;
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("b1", r.b1());
    values.put("b2", r.b2());
    r.h().ifPresent(h -> values.put("h", h));
    Evidence evidence = new Evidence(values, OptionalInt.of(obs.n()),
        Optional.of(new Evidence.Interval("b2", 0.95, lo, hi)), Optional.empty(),
        contributors(obs, List.of(r.model())));
    String summary = String.format(Locale.ROOT,
        "%s (%s) in cohort %s scores %.1f on B2, outside the trend's 95%% prediction interval "
            + "[%.1f, %.1f]", r.model(), r.lab(), obs.cohort(), r.b2(), lo, hi);
    return new Condition(AlertKind.ANOMALOUS_RELEASE, SubjectType.MODEL, r.model(), obs.cohort(),
        reading, null, summary, evidence, SuggestedAction.of(SuggestedAction.Kind.REVIEW,
            "review the release's scores and settings (scaffold, effort, harness)"));
  }

  private static Condition reallocation(FrontierObservation obs, ReallocationView p,
      boolean enough, DetectorConfig config) {
    double t = config.reallocationAboveDh();
    double adh = Math.abs(p.dh());
    Reading reading = enough ? Reading.rising(adh, t, t - config.dhMargin()) : Reading.HOLD;
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("dh", p.dh());
    values.put("threshold", t);
    Evidence evidence = new Evidence(values, OptionalInt.of(obs.n()), Optional.empty(),
        Optional.empty(), contributors(obs, List.of(p.fromModel(), p.toModel())));
    String summary = String.format(Locale.ROOT,
        "%s reallocated between %s and %s in cohort %s: Δh = %+.1f (towards %s)", p.lab(),
        p.fromModel(), p.toModel(), obs.cohort(), p.dh(), p.dh() > 0 ? "reasoning" : "coding");
    return new Condition(AlertKind.LAB_REALLOCATION, SubjectType.LAB, p.lab(),
        obs.cohort() + "|" + p.fromModel() + "|" + p.toModel(), reading, null, summary, evidence,
        SuggestedAction.of(SuggestedAction.Kind.REVIEW,
            "the lab shifted effort between coding and reasoning between these releases"));
  }

  private static List<Evidence.Contributor> contributors(FrontierObservation obs,
      Collection<String> models) {
    return models.stream()
        .map(m -> new Evidence.Contributor(m, obs.sources().getOrDefault(m, Map.of())))
        .toList();
  }
}
