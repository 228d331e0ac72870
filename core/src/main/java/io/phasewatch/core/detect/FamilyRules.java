package io.phasewatch.core.detect;

import io.phasewatch.core.base.LogScale;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.Evidence;
import io.phasewatch.core.domain.SubjectType;
import io.phasewatch.core.domain.SuggestedAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The family alerts of METHOD.md §2.
 *
 * <p><b>FAMILY_CROSSED_NC.</b> Fires when the family's largest model is in the bonus phase (γ12 of
 * the interval ending at it above +deadBand) while the previous largest is in tax or transition
 * (its γ12 at most +deadBand). Once fired it holds while the largest model's γ12 stays at or above
 * −deadBand, also when a newer, larger model lands in bonus too; it resolves when the largest
 * model's γ12 falls below −deadBand (a correction back into tax, or the bonus model retracted).
 *
 * <p><b>SCALE_ANOMALY</b>, per model: fires when a model above the pooled N_c's 95% CI is in tax
 * (γ12 &lt; −deadBand), or one below it is in bonus (γ12 &gt; +deadBand); resolves when it is
 * inside the CI, or in the phase its scale predicts beyond the dead band. Its evidence carries
 * CAPE's h(D) residual, B2 − quadratic(x) of the reference panel's fit ({@code h_residual}).
 *
 * <p><b>NC_SHIFT</b>, of the family's own bootstrap N_c: fires when it moves outside the previous
 * estimate's 95% CI, by the rule of {@link NcShift}.
 *
 * <p>Nothing is read from a family with fewer than {@link DetectorConfig#minFamilyModels()}
 * models (every condition holds).
 */
public final class FamilyRules {
  private FamilyRules() {}

  public static Evaluation evaluate(FamilyObservation obs, Announcements previous,
      DetectorConfig config) {
    List<Condition> out = new ArrayList<>();
    List<SizedModel> models = obs.models();
    boolean enough = models.size() >= config.minFamilyModels();
    if (!models.isEmpty()) {
      out.add(crossing(obs, enough, config, previous));
    }
    if (obs.pooledNc().isPresent()) {
      for (SizedModel m : models) {
        if (m.gamma12().isPresent()) {
          out.add(scaleAnomaly(obs, m, enough, config, previous));
        }
      }
    }
    Map<String, NcEstimate> baselines = new LinkedHashMap<>(previous.baselines());
    String key = Condition.key(AlertKind.NC_SHIFT, SubjectType.FAMILY, obs.family(), "");
    NcShift.step(obs.familyNc(), enough, key, previous, baselines)
        .ifPresent(step -> out.add(ncShift(obs, step)));
    return new Evaluation(out, baselines);
  }

  private static Condition ncShift(FamilyObservation obs, NcShift.Step step) {
    NcEstimate now = step.now();
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("nc_median_b", now.medianB());
    step.before().ifPresent(b -> {
      values.put("nc_previous_median_b", b.medianB());
      values.put("nc_previous_lo95_b", b.lo95B());
      values.put("nc_previous_hi95_b", b.hi95B());
    });
    Evidence evidence = new Evidence(values, OptionalInt.of(now.n()),
        Optional.of(new Evidence.Interval("nc_median_b", 0.95, now.lo95B(), now.hi95B())),
        Optional.empty(), contributors(obs.models()));
    String summary = String.format(Locale.ROOT,
        "N_c of family %s moved to %.3gB [%.3gB, %.3gB]%s (n=%d)", obs.family(),
        now.medianB(), now.lo95B(), now.hi95B(),
        step.before().map(b -> String.format(Locale.ROOT,
            ", outside the previous %.3gB [%.3gB, %.3gB]", b.medianB(), b.lo95B(), b.hi95B()))
            .orElse(""), now.n());
    return new Condition(AlertKind.NC_SHIFT, SubjectType.FAMILY, obs.family(), "",
        step.reading(), null, summary, evidence, SuggestedAction.of(
            SuggestedAction.Kind.CURATE_DATA,
            "see which models moved the family's estimate: curated data and new recipes move N_c"
                + " down"));
  }

  private static Condition crossing(FamilyObservation obs, boolean enough, DetectorConfig config,
      Announcements announced) {
    List<SizedModel> models = obs.models();
    SizedModel largest = models.get(models.size() - 1);
    Optional<SizedModel> previous = models.size() >= 2
        ? Optional.of(models.get(models.size() - 2)) : Optional.empty();
    double band = config.deadBand();
    Reading reading = Reading.HOLD;
    if (enough && largest.gamma12().isPresent()) {
      double g = largest.gamma12().getAsDouble();
      boolean previousNotBonus = previous.isPresent() && previous.get().gamma12().isPresent()
          && previous.get().gamma12().getAsDouble() <= band;
      if (g > band && previousNotBonus) {
        reading = Reading.ENTER;
      } else if (g < -band) {
        reading = Reading.LEAVE;
      }
    }
    if (!PhaseChangeDetector.announces(reading, announced.isFired(Condition.key(
        AlertKind.FAMILY_CROSSED_NC, SubjectType.FAMILY, obs.family(), "")))) {
      return Condition.unannounced(AlertKind.FAMILY_CROSSED_NC, SubjectType.FAMILY, obs.family(),
          "", reading);
    }
    Map<String, Double> values = new LinkedHashMap<>();
    largest.gamma12().ifPresent(g -> values.put("gamma12_largest", g));
    previous.flatMap(p -> p.gamma12().isPresent()
        ? Optional.of(p.gamma12().getAsDouble()) : Optional.empty())
        .ifPresent(g -> values.put("gamma12_previous", g));
    values.put("params_b_largest", largest.paramsB());
    previous.ifPresent(p -> values.put("params_b_previous", p.paramsB()));
    Evidence evidence = withPooledNc(Evidence.of(values, models.size()), values, obs)
        .withContributingModels(contributors(models));
    String interval = previous.map(p -> p.model() + " → " + largest.model()).orElse(largest.model());
    String summary = String.format(Locale.ROOT,
        "family %s crossed N_c in %s: γ12 of the largest model %s (dead band ±%.2f)%s",
        obs.family(), interval, fmt(largest.gamma12().orElse(Double.NaN)), band,
        pooledText(obs));
    return new Condition(AlertKind.FAMILY_CROSSED_NC, SubjectType.FAMILY, obs.family(), "",
        reading, null, summary, evidence,
        SuggestedAction.of(SuggestedAction.Kind.NONE,
            "informational: the family's largest size now gains truthfulness with reasoning"));
  }

  private static Condition scaleAnomaly(FamilyObservation obs, SizedModel m, boolean enough,
      DetectorConfig config, Announcements announced) {
    NcEstimate nc = obs.pooledNc().orElseThrow();
    double g = m.gamma12().getAsDouble();
    double band = config.deadBand();
    boolean above = m.paramsB() > nc.hi95B();
    boolean below = m.paramsB() < nc.lo95B();
    Reading reading = Reading.HOLD;
    if (enough) {
      if (!above && !below) {
        reading = Reading.LEAVE;
      } else if (above) {
        reading = g < -band ? Reading.ENTER : g > band ? Reading.LEAVE : Reading.HOLD;
      } else {
        reading = g > band ? Reading.ENTER : g < -band ? Reading.LEAVE : Reading.HOLD;
      }
    }
    if (!PhaseChangeDetector.announces(reading, announced.isFired(Condition.key(
        AlertKind.SCALE_ANOMALY, SubjectType.MODEL, m.model(), obs.family())))) {
      return Condition.unannounced(AlertKind.SCALE_ANOMALY, SubjectType.MODEL, m.model(),
          obs.family(), reading);
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("gamma12", g);
    values.put("params_b", m.paramsB());
    obs.pooledQuadratic().ifPresent(q -> {
      double x = LogScale.x(m.paramsB());
      double expected = q.a() * x * x + q.b() * x + q.c();
      values.put("b2", m.b2());
      values.put("b2_scale_trend", expected);
      values.put("h_residual", m.b2() - expected);
    });
    Evidence evidence = withPooledNc(Evidence.of(values, obs.models().size()), values, obs)
        .withContributingModels(contributors(List.of(m)));
    String where = above ? "above" : below ? "below" : "inside";
    String phase = g < -band ? "tax" : g > band ? "bonus" : "transition";
    String summary = String.format(Locale.ROOT,
        "%s (%s, %.3gB) is in the %s phase (γ12 %s) %s the pooled N_c 95%% CI%s",
        m.model(), obs.family(), m.paramsB(), phase, fmt(g), where, pooledText(obs));
    return new Condition(AlertKind.SCALE_ANOMALY, SubjectType.MODEL, m.model(), obs.family(),
        reading, null, summary, evidence,
        SuggestedAction.of(SuggestedAction.Kind.CURATE_DATA,
            "check the model's data recipe and scores: its phase disagrees with its scale"));
  }

  private static Evidence withPooledNc(Evidence e, Map<String, Double> values,
      FamilyObservation obs) {
    if (obs.pooledNc().isEmpty()) {
      return e;
    }
    NcEstimate nc = obs.pooledNc().get();
    Map<String, Double> v = new LinkedHashMap<>(values);
    v.put("nc_median_b", nc.medianB());
    return new Evidence(v, OptionalInt.of(e.n().orElse(0)),
        Optional.of(new Evidence.Interval("nc_median_b", 0.95, nc.lo95B(), nc.hi95B())),
        Optional.empty(), List.of());
  }

  static List<Evidence.Contributor> contributors(List<SizedModel> models) {
    return models.stream().map(m -> new Evidence.Contributor(m.model(), m.sources())).toList();
  }

  private static String pooledText(FamilyObservation obs) {
    return obs.pooledNc()
        .map(nc -> String.format(Locale.ROOT, "; pooled N_c (%s) %.3gB [%.3gB, %.3gB]",
            obs.pooledPanel(), nc.medianB(), nc.lo95B(), nc.hi95B()))
        .orElse("");
  }

  static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : "undefined";
  }
}
