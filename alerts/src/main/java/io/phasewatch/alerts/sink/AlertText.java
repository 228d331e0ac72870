package io.phasewatch.alerts.sink;

import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.Evidence;
import io.phasewatch.core.domain.SuggestedAction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How an alert reads as text, shared by the console, log, Slack and Alertmanager sinks. */
public final class AlertText {
  /** Contributing models named in text; the rest are counted. */
  static final int MAX_MODELS = 10;

  private AlertText() {}

  /**
   * One line: state, severity, kind, subject, summary, the figures, the action, the id. E.g.
   * {@code FIRED critical FRONTIER_COUPLING_BROKEN cohort=frontier: Rolling r fell to 0.21 |
   * r=0.21, n=14 | action: widen | id 3f2a…}.
   */
  public static String line(AlertEvent alert) {
    StringBuilder b = new StringBuilder()
        .append(alert.state() == null ? "?" : alert.state().name()).append(' ')
        .append(name(alert.severity())).append(' ')
        .append(alert.kind()).append(' ')
        .append(subject(alert)).append(": ")
        .append(alert.summary().isBlank() ? "(no summary)" : oneLine(alert.summary()));
    String figures = figures(alert.evidence());
    if (!figures.isEmpty()) {
      b.append(" | ").append(figures);
    }
    if (alert.action().kind() != SuggestedAction.Kind.NONE) {
      b.append(" | action: ").append(action(alert.action()));
    }
    return b.append(" | id ").append(alert.id()).toString();
  }

  /** {@code cohort=frontier}, {@code family=Pythia}. */
  public static String subject(AlertEvent alert) {
    return name(alert.subjectType()) + "=" + alert.subject();
  }

  /** The figures and n: {@code r=0.21, r_baseline=0.71, n=14}. Empty when there are none. */
  public static String figures(Evidence e) {
    List<String> parts = new ArrayList<>();
    e.values().forEach((k, v) -> parts.add(k + "=" + number(v)));
    e.n().ifPresent(n -> parts.add("n=" + n));
    return String.join(", ", parts);
  }

  /**
   * Everything the evidence holds, as sentences: figures, the interval, the window, the models
   * with the sources of their scores. Empty when the evidence is empty.
   */
  public static String evidence(Evidence e) {
    List<String> parts = new ArrayList<>();
    String figures = figures(e);
    if (!figures.isEmpty()) {
      parts.add(figures);
    }
    e.ci().ifPresent(ci -> parts.add(number(ci.level() * 100) + "% interval of " + ci.quantity()
        + " [" + number(ci.lo()) + ", " + number(ci.hi()) + "]"));
    e.window().ifPresent(w -> parts.add("window " + w.from() + " to " + w.to()));
    if (!e.contributingModels().isEmpty()) {
      parts.add("models: " + models(e, true));
    }
    return String.join("; ", parts);
  }

  /** Contributing models, at most {@value #MAX_MODELS}, with their score sources if asked. */
  public static String models(Evidence e, boolean withSources) {
    List<Evidence.Contributor> models = e.contributingModels();
    String named = models.stream().limit(MAX_MODELS)
        .map(c -> withSources && !c.sources().isEmpty()
            ? c.model() + " (" + sources(c.sources()) + ")" : c.model())
        .collect(Collectors.joining(", "));
    int more = models.size() - MAX_MODELS;
    return more > 0 ? named + " and " + more + " more" : named;
  }

  /** {@code widen}, {@code rotate_benchmark to hle: detail}; {@code none} for no action. */
  public static String action(SuggestedAction a) {
    StringBuilder b = new StringBuilder(a.kind().id());
    a.rotateTo().ifPresent(to -> b.append(" to ").append(to));
    if (!a.detail().isBlank()) {
      b.append(": ").append(oneLine(a.detail()));
    }
    return b.toString();
  }

  /** Four significant digits, no exponent, no trailing zeros: 0.2104, 3.5, 1200. */
  public static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == 0.0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static String sources(Map<String, String> sources) {
    return sources.entrySet().stream().map(s -> s.getKey() + ": " + s.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String name(Object enumValue) {
    return enumValue == null ? "?" : enumValue.toString().toLowerCase(Locale.ROOT);
  }

  static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
