package io.phasewatch.core.detect;

import io.phasewatch.core.domain.AlertEvent;
import java.util.List;

/** The alerts to send now, and what is announced afterwards. */
public record Decision(List<AlertEvent> events, Announcements next) {
  public Decision {
    events = List.copyOf(events);
  }
}
