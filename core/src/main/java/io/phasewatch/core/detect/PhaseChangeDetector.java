package io.phasewatch.core.detect;

import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.SuggestedAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an evaluation and the last announcements of a scope into alerts (METHOD.md §2: hysteresis,
 * identity, no flapping):
 *
 * <ul>
 *   <li>a condition reading {@link Reading#ENTER} that is not announced fires;
 *   <li>an announced condition reading {@link Reading#LEAVE} resolves;
 *   <li>an announced condition that is no longer observed at all (its model retracted, its pair
 *       gone) resolves;
 *   <li>{@link Reading#HOLD} changes nothing, so a value inside the dead band never flaps, and
 *       an announced alert that fires again on the same condition is not repeated.
 * </ul>
 *
 * Events come out in condition-key order; each id is {@link AlertEvent#idFor}, a digest of kind,
 * subject, state and evidence, so the same transition on the same evidence has the same id.
 */
public final class PhaseChangeDetector {
  private PhaseChangeDetector() {}

  /**
   * Whether a condition reading {@code reading} gives an event: it enters and was not announced,
   * or it leaves and was ({@code announced}).
   */
  public static boolean announces(Reading reading, boolean announced) {
    return reading == Reading.ENTER ? !announced : reading == Reading.LEAVE && announced;
  }

  public static Decision decide(
      Evaluation evaluation, Announcements previous, Instant firedAt, Instant streamTime) {
    Map<String, Announced> fired = new TreeMap<>(previous.fired());
    List<AlertEvent> events = new ArrayList<>();
    Map<String, Condition> seen = new TreeMap<>();
    for (Condition c : evaluation.conditions()) {
      seen.put(c.key(), c);
    }
    for (Condition c : seen.values()) {
      Announced current = fired.get(c.key());
      if (!announces(c.reading(), current != null)) {
        continue;
      }
      if (c.reading() == Reading.ENTER) {
        AlertEvent e = AlertEvent.create(c.kind(), c.severity(), AlertState.FIRED, c.subjectType(),
            c.subject(), c.summary(), c.evidence(), c.action(), firedAt, streamTime);
        events.add(e);
        fired.put(c.key(), new Announced(c.key(), e.id(), c.kind(), c.severity(), c.subjectType(),
            c.subject(), c.summary(), c.evidence()));
      } else {
        events.add(AlertEvent.create(c.kind(), current.severity(), AlertState.RESOLVED,
            c.subjectType(), c.subject(), "resolved: " + c.summary(), c.evidence(),
            SuggestedAction.none(), firedAt, streamTime));
        fired.remove(c.key());
      }
    }
    List<Announced> vanished = fired.values().stream()
        .filter(a -> !seen.containsKey(a.key()))
        .sorted(Comparator.comparing(Announced::key))
        .toList();
    for (Announced a : vanished) {
      events.add(AlertEvent.create(a.kind(), a.severity(), AlertState.RESOLVED, a.subjectType(),
          a.subject(), "resolved, no longer observed: " + a.summary(), a.evidence(),
          SuggestedAction.none(), firedAt, streamTime));
      fired.remove(a.key());
    }
    return new Decision(events, new Announcements(fired, evaluation.baselines()));
  }
}
