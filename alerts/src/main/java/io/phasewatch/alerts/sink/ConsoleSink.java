package io.phasewatch.alerts.sink;

import io.phasewatch.core.domain.AlertEvent;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * Prints one line per alert to a stream (standard output in the service): {@link AlertText#line}
 * unless the embedding command gives its own format ({@code phasewatch run} prefixes the date).
 */
public final class ConsoleSink implements AlertSink {
  private final String name;
  private final PrintStream out;
  private final Function<AlertEvent, String> format;

  public ConsoleSink(String name, PrintStream out) {
    this(name, out, AlertText::line);
  }

  public ConsoleSink(String name, PrintStream out, Function<AlertEvent, String> format) {
    this.name = name;
    this.out = out;
    this.format = format;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attempt attempt(AlertEvent alert) {
    synchronized (out) {
      out.println(format.apply(alert));
      out.flush();
      return out.checkError() ? Attempt.retryable("could not write to the console")
          : Attempt.delivered();
    }
  }
}
