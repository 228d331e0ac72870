package io.phasewatch.core.detect;

import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.Evidence;
import io.phasewatch.core.domain.SubjectType;
import io.phasewatch.core.domain.SuggestedAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * NC_SHIFT of a pooled panel (METHOD.md §2: "N_c shifts when its estimate moves outside the
 * previous estimate's 95% CI").
 *
 * <p>The baseline is the previous estimate while nothing is announced. A new estimate outside the
 * baseline's CI fires, and the baseline stays where it was. While fired, the alert resolves when
 * a later estimate either lands back inside the baseline's CI (the shift was corrected away) or
 * inside the CI of the estimate that fired it (the new level is confirmed; it becomes the
 * baseline). An undefined estimate, or one on fewer than {@link DetectorConfig#minPanelModels()}
 * models, changes nothing.
 */
public final class PanelRules {
  private PanelRules() {}

  /** Baseline name: the estimate in force before the shift. */
  static final String BASELINE = "nc";
  /** Baseline name: the estimate that fired the shift, while it is announced. */
  static final String SHIFTED = "nc_shifted";

  public static Evaluation evaluate(PanelObservation obs, Announcements previous,
      DetectorConfig config) {
    Map<String, NcEstimate> baselines = new LinkedHashMap<>(previous.baselines());
    String key = Condition.key(AlertKind.NC_SHIFT, SubjectType.PANEL, obs.panel(), "");
    boolean fired = previous.isFired(key);
    Optional<NcEstimate> before = previous.baseline(BASELINE);
    if (obs.nc().isEmpty() || obs.n() < config.minPanelModels()) {
      return fired
          ? new Evaluation(List.of(condition(obs, before, before.orElseThrow(), Reading.HOLD)),
              baselines)
          : new Evaluation(List.of(), baselines);
    }
    NcEstimate now = obs.nc().get();
    if (before.isEmpty()) {
      baselines.put(BASELINE, now);
      return new Evaluation(List.of(), baselines);
    }
    NcEstimate base = before.get();
    Reading reading;
    if (!fired) {
      if (base.contains(now.medianB())) {
        reading = Reading.HOLD;
        baselines.put(BASELINE, now);
      } else {
        reading = Reading.ENTER;
        baselines.put(SHIFTED, now);
      }
    } else {
      NcEstimate shifted = previous.baseline(SHIFTED).orElse(now);
      if (base.contains(now.medianB())) {
        reading = Reading.LEAVE;
        baselines.remove(SHIFTED);
      } else if (shifted.contains(now.medianB())) {
        reading = Reading.LEAVE;
        baselines.put(BASELINE, now);
        baselines.remove(SHIFTED);
      } else {
        reading = Reading.HOLD;
        baselines.put(SHIFTED, now);
      }
    }
    return new Evaluation(List.of(condition(obs, before, now, reading)), baselines);
  }

  private static Condition condition(PanelObservation obs, Optional<NcEstimate> before,
      NcEstimate now, Reading reading) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("nc_median_b", now.medianB());
    before.ifPresent(b -> {
      values.put("nc_previous_median_b", b.medianB());
      values.put("nc_previous_lo95_b", b.lo95B());
      values.put("nc_previous_hi95_b", b.hi95B());
    });
    Evidence evidence = new Evidence(values, OptionalInt.of(now.n()),
        Optional.of(new Evidence.Interval("nc_median_b", 0.95, now.lo95B(), now.hi95B())),
        Optional.empty(), FamilyRules.contributors(obs.models()));
    String summary = String.format(Locale.ROOT,
        "pooled N_c of panel %s moved to %.3gB [%.3gB, %.3gB]%s (n=%d)", obs.panel(),
        now.medianB(), now.lo95B(), now.hi95B(),
        before.map(b -> String.format(Locale.ROOT, ", outside the previous %.3gB [%.3gB, %.3gB]",
            b.medianB(), b.lo95B(), b.hi95B())).orElse(""), now.n());
    return new Condition(AlertKind.NC_SHIFT, SubjectType.PANEL, obs.panel(), "", reading, null,
        summary, evidence, SuggestedAction.of(SuggestedAction.Kind.CURATE_DATA,
            "see which models moved the estimate: curated data and new recipes move N_c down"));
  }
}
