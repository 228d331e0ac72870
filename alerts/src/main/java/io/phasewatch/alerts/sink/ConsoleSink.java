package io.phasewatch.alerts.sink;

import io.phasewatch.core.domain.AlertEvent;
import java.io.PrintStream;

/** Prints {@link AlertText#line} to a stream (standard output in the service). */
public final class ConsoleSink implements AlertSink {
  private final String name;
  private final PrintStream out;

  public ConsoleSink(String name, PrintStream out) {
    this.name = name;
    this.out = out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attempt attempt(AlertEvent alert) {
    synchronized (out) {
      out.println(AlertText.line(alert));
      out.flush();
      return out.checkError() ? Attempt.retryable("could not write to the console")
          : Attempt.delivered();
    }
  }
}
