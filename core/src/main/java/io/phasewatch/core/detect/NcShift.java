package io.phasewatch.core.detect;

import java.util.Map;
import java.util.Optional;

/**
 * The N_c shift of METHOD.md §2 ("N_c shifts when its estimate moves outside the previous
 * estimate's 95% CI"), for a pooled panel ({@link PanelRules}) and for a family's own estimate
 * ({@link FamilyRules}) alike.
 *
 * <p>The baseline is the previous estimate while nothing is announced. A new estimate outside the
 * baseline's CI fires, and the baseline stays where it was. While fired, the alert resolves when
 * a later estimate either lands back inside the baseline's CI (the shift was corrected away) or
 * inside the CI of the estimate that fired it (the new level is confirmed; it becomes the
 * baseline); the estimate that fired it, read again (another statistic of the diagnosis moved),
 * is not a later estimate and changes nothing. An undefined estimate, or one on too few models,
 * changes nothing.
 */
final class NcShift {
  private NcShift() {}

  /** Baseline name: the estimate in force before the shift. */
  static final String BASELINE = "nc";
  /** Baseline name: the estimate that fired the shift, while it is announced. */
  static final String SHIFTED = "nc_shifted";

  /**
   * Where the estimate lies; empty when there is nothing to report (no baseline yet, or no
   * estimate and nothing announced).
   *
   * @param before the baseline the estimate was judged against
   * @param now the estimate (the baseline, while an announced shift has no usable estimate)
   */
  record Step(Reading reading, Optional<NcEstimate> before, NcEstimate now) {}

  /**
   * Reads {@code estimate} against the baselines of {@code previous}; {@code baselines} (a copy
   * of the previous ones) is updated to what the next evaluation must compare with.
   *
   * @param key the condition key of the shift alert in this scope
   * @param enough whether the estimate rests on enough models to be read at all
   */
  static Optional<Step> step(Optional<NcEstimate> estimate, boolean enough, String key,
      Announcements previous, Map<String, NcEstimate> baselines) {
    boolean fired = previous.isFired(key);
    Optional<NcEstimate> before = previous.baseline(BASELINE);
    if (estimate.isEmpty() || !enough) {
      return fired
          ? Optional.of(new Step(Reading.HOLD, before, before.orElseThrow()))
          : Optional.empty();
    }
    NcEstimate now = estimate.get();
    if (before.isEmpty()) {
      baselines.put(BASELINE, now);
      return Optional.empty();
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
      if (now.equals(shifted)) {
        reading = Reading.HOLD;
      } else if (base.contains(now.medianB())) {
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
    return Optional.of(new Step(reading, before, now));
  }
}
