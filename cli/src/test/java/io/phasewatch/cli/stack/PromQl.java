package io.phasewatch.cli.stack;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to list what a dashboard query refers to: metric names, the label
 * names of each selector, the labels of {@code by/without/on/ignoring/group_*} clauses and the
 * Grafana variables. Not a parser: {@code promtool check rules} checks the syntax (see
 * PrometheusConfigTest).
 */
final class PromQl {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::[\\w]+)?\\}|\\$(\\w+)|\\[\\[(\\w+)(?::[\\w]+)?\\]\\]");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\""
      + "|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern SELECTOR =
      Pattern.compile("(?<![\\w:])([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)\\}");
  private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern GROUPING = Pattern.compile(
      "(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on",
      "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan", "atan2");

  private PromQl() {}

  /**
   * What one query refers to.
   *
   * @param metrics metric names, in order of appearance
   * @param selectorLabels per metric name ("" for a selector without one), the label names its
   *     matchers use
   * @param groupingLabels labels named in by/without/on/ignoring/group_left/group_right
   * @param variables Grafana variables ({@code $x}, {@code ${x}}, {@code [[x]]})
   */
  record Refs(Set<String> metrics, Map<String, Set<String>> selectorLabels,
      Set<String> groupingLabels, Set<String> variables) {}

  static Refs refs(String expr) {
    Set<String> variables = new LinkedHashSet<>();
    Matcher v = VARIABLE.matcher(expr);
    while (v.find()) {
      variables.add(v.group(1) != null ? v.group(1) : v.group(2) != null ? v.group(2) : v.group(3));
    }
    String s = STRING.matcher(expr).replaceAll("\"\"");
    s = RANGE.matcher(s).replaceAll(" ");

    Set<String> metrics = new LinkedHashSet<>();
    Map<String, Set<String>> selectorLabels = new LinkedHashMap<>();
    Matcher sel = SELECTOR.matcher(s);
    StringBuilder rest = new StringBuilder();
    while (sel.find()) {
      String name = sel.group(1) == null ? "" : sel.group(1);
      Set<String> labels = selectorLabels.computeIfAbsent(name, k -> new LinkedHashSet<>());
      Matcher m = MATCHER.matcher(sel.group(2));
      while (m.find()) {
        labels.add(m.group(1));
      }
      sel.appendReplacement(rest, Matcher.quoteReplacement(" " + name + " "));
    }
    sel.appendTail(rest);
    s = rest.toString();

    Set<String> grouping = new LinkedHashSet<>();
    Matcher g = GROUPING.matcher(s);
    while (g.find()) {
      for (String label : g.group(2).split(",")) {
        if (!label.isBlank()) {
          grouping.add(label.strip());
        }
      }
    }
    s = GROUPING.matcher(s).replaceAll(" ");

    Matcher id = IDENTIFIER.matcher(s);
    while (id.find()) {
      String name = id.group(1);
      if (!KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
        metrics.add(name);
      }
    }
    return new Refs(metrics, selectorLabels, grouping, variables);
  }
}
