package io.phasewatch.alerts.sink;

import io.phasewatch.core.domain.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs {@link AlertText#line} at INFO on logger {@code io.phasewatch.alerts}. */
public final class LogSink implements AlertSink {
  private static final Logger ALERTS = LoggerFactory.getLogger("io.phasewatch.alerts");

  private final String name;

  public LogSink(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attempt attempt(AlertEvent alert) {
    ALERTS.info("{}", AlertText.line(alert));
    return Attempt.delivered();
  }
}
