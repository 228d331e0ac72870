package io.phasewatch.cli.stack;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The series of a Prometheus text scrape, for the tests that check names against meters. */
final class ScrapedSeries {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+\\S+$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

  private ScrapedSeries() {}

  /** Series name → label names, of every sample in a Prometheus text scrape. */
  static Map<String, Set<String>> of(String scrape) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String line : scrape.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.matches()) {
        continue;
      }
      Set<String> labels = new TreeSet<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.add(l.group(1));
        }
      }
      out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).addAll(labels);
    }
    return out;
  }
}
