package io.phasewatch.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.domain.TopicName;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.topology.DiagnosisKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The root README's streams-app section against the code, so it cannot drift: its metrics table
 * lists exactly the {@code phasewatch_*} meters the metrics binder registers (name, Prometheus
 * type, tag keys), and its topics table exactly the topics of {@link TopicName} (name, key,
 * cleanup policy).
 */
class StreamsReadmeTest {
  private static final String SECTION = "## The streams app";
  private static final Pattern SAMPLE =
      Pattern.compile("^(phasewatch_[a-z0-9_]+)(?:\\{([^}]*)})? .*$");
  private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"");

  /** One row of a README table: its cells, the first without backticks. */
  private static List<List<String>> table(String section, String heading) {
    int start = section.indexOf(heading);
    assertThat(start).as("README section has %s", heading).isNotNegative();
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : section.substring(start).split("\n")) {
      if (line.startsWith("|")) {
        inTable = true;
        String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1);
        List<String> row = Arrays.stream(cells).map(String::trim)
            .map(c -> c.replace("\\|", "|")).toList();
        if (row.get(0).startsWith("`")) {
          List<String> unquoted = new ArrayList<>(row);
          unquoted.set(0, row.get(0).replace("`", ""));
          rows.add(unquoted);
        }
      } else if (inTable) {
        break;
      }
    }
    return rows;
  }

  private static String section() throws IOException {
    String readme = Files.readString(projectRoot().resolve("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf(SECTION);
    assertThat(start).as("README.md has a section starting %s", SECTION).isNotNegative();
    int end = readme.indexOf("\n## ", start + SECTION.length());
    return end < 0 ? readme.substring(start) : readme.substring(start, end);
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("streams-app"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
  }

  /**
   * Every phasewatch meter of a running binder, as Prometheus scrapes it: name → "type: tags".
   * One family, panel and cohort are published so that their gauges exist.
   */
  private static Map<String, String> registeredMeters() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (PhasewatchMetrics metrics = new PhasewatchMetrics(registry, new Rejections())) {
      DiagnosisConfig c = DiagnosisConfig.defaults().withBootstrap(200, 42);
      List<BaseModelPoint> base = List.of(BaseModelPoint.of("a", "f", 0.1, 30, 44),
          BaseModelPoint.of("b", "f", 1, 40, 38), BaseModelPoint.of("c", "f", 10, 50, 36),
          BaseModelPoint.of("d", "f", 100, 60, 41));
      List<FrontierRelease> releases = List.of(
          new FrontierRelease("r1", "A", Optional.of(LocalDate.of(2025, 1, 1)), 40, 60, Map.of()),
          new FrontierRelease("r2", "B", Optional.of(LocalDate.of(2025, 2, 1)), 50, 70, Map.of()),
          new FrontierRelease("r3", "A", Optional.of(LocalDate.of(2025, 3, 1)), 60, 75, Map.of()));
      metrics.published(DiagnosisKind.FAMILY, "f", Diagnoses.family("f", base, c));
      metrics.published(DiagnosisKind.PANEL, "p", Diagnoses.panel("p", base, c));
      metrics.published(DiagnosisKind.FRONTIER, "c", Diagnoses.frontier("c", releases, c));
      String scrape = registry.scrape();

      Map<String, String> types = new TreeMap<>();
      Map<String, Set<String>> tags = new TreeMap<>();
      for (String line : scrape.split("\n")) {
        if (line.startsWith("# TYPE phasewatch_")) {
          String[] parts = line.split(" ");
          types.put(parts[2], parts[3]);
          tags.put(parts[2], new TreeSet<>());
        }
      }
      for (String line : scrape.split("\n")) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches() || m.group(2) == null) {
          continue;
        }
        String family = types.keySet().stream().filter(m.group(1)::startsWith)
            .max((x, y) -> Integer.compare(x.length(), y.length())).orElseThrow();
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          if (!label.group(1).equals("quantile")) {
            tags.get(family).add(label.group(1));
          }
        }
      }
      Map<String, String> out = new TreeMap<>();
      types.forEach((name, type) -> out.put(name, type + ": " + String.join(", ",
          tags.get(name))));
      return out;
    }
  }

  @Test
  void metricsTableListsExactlyTheRegisteredMeters() throws IOException {
    Map<String, String> documented = new TreeMap<>();
    for (List<String> row : table(section(), "### Metrics")) {
      documented.put(row.get(0), row.get(1) + ": " + String.join(", ",
          new TreeSet<>(Arrays.asList(row.get(2).split(",\\s*")))));
    }
    Map<String, String> registered = registeredMeters();
    assertThat(registered).as("meters registered by PhasewatchMetrics").hasSizeGreaterThan(15);
    assertThat(documented)
        .as("README rows to write (| `name` | type | tags | meaning |):%n%s",
            registered.entrySet().stream().map(e -> "| `" + e.getKey() + "` | "
                + e.getValue().replace(": ", " | ") + " | … |")
                .collect(Collectors.joining("\n")))
        .isEqualTo(registered);
  }

  @Test
  void topicsTableListsEveryTopicWithItsKeyAndCleanup() throws IOException {
    Map<String, String> documented = new TreeMap<>();
    for (List<String> row : table(section(), "### Topics")) {
      String cleanup = row.get(3).split(" ")[0];
      documented.put(row.get(0), row.get(1).replace("`", "") + " / " + cleanup);
    }
    Map<String, String> defined = new TreeMap<>();
    for (TopicName t : TopicName.values()) {
      defined.put(t.name(TopicName.DEFAULT_PREFIX), t.key() + " / " + t.cleanupPolicy());
    }
    assertThat(documented).isEqualTo(defined);
  }
}
