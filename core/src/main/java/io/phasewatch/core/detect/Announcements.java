package io.phasewatch.core.detect;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the detector last announced for one scope (a family, a panel or a cohort): the alerts in
 * force and the baselines it compares new estimates with. The detector's state-store value.
 *
 * @param fired alerts fired and not resolved, by {@link Condition#key()}
 * @param baselines N_c estimates in force, by name (see {@link PanelRules})
 */
public record Announcements(Map<String, Announced> fired, Map<String, NcEstimate> baselines) {

  public Announcements {
    fired = fired == null ? Map.of() : Map.copyOf(new TreeMap<>(fired));
    baselines = baselines == null ? Map.of() : Map.copyOf(new TreeMap<>(baselines));
  }

  public static Announcements none() {
    return new Announcements(Map.of(), Map.of());
  }

  public boolean isFired(String key) {
    return fired.containsKey(key);
  }

  public Optional<NcEstimate> baseline(String name) {
    return Optional.ofNullable(baselines.get(name));
  }

  public boolean isEmpty() {
    return fired.isEmpty() && baselines.isEmpty();
  }
}
