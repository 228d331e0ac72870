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
 * previous estimate's 95% CI"), by the rule of {@link NcShift}; nothing is read from a panel of
 * fewer than {@link DetectorConfig#minPanelModels()} models.
 */
public final class PanelRules {
  private PanelRules() {}

  /** Baseline name: the estimate in force before the shift. */
  static final String BASELINE = NcShift.BASELINE;
  /** Baseline name: the estimate that fired the shift, while it is announced. */
  static final String SHIFTED = NcShift.SHIFTED;

  public static Evaluation evaluate(PanelObservation obs, Announcements previous,
      DetectorConfig config) {
    Map<String, NcEstimate> baselines = new LinkedHashMap<>(previous.baselines());
    String key = Condition.key(AlertKind.NC_SHIFT, SubjectType.PANEL, obs.panel(), "");
    return new Evaluation(NcShift.step(obs.nc(), obs.n() >= config.minPanelModels(), key,
            previous, baselines)
        .map(step -> List.of(condition(obs, step.before(), step.now(), step.reading())))
        .orElse(List.of()), baselines);
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
