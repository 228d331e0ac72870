package io.phasewatch.core.frontier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the frontier pair fixture (see src/test/resources/frontier/README.md). */
final class FrontierFixtures {
  private FrontierFixtures() {}

  static final String PAIRS = "/frontier/frontier_swe_gpqa_pairs.csv";

  static String pairsText() {
    try (InputStream in = FrontierFixtures.class.getResourceAsStream(PAIRS)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + PAIRS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The releases of one {@code source} block. */
  static List<Release> block(String source) {
    String[] lines = pairsText().split("\r?\n");
    List<String> header = splitCsv(lines[0]);
    List<Release> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> cells = splitCsv(lines[i]);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), c < cells.size() ? cells.get(c) : "");
      }
      if (!row.get("source").equals(source)) {
        continue;
      }
      Map<String, Double> extra = new HashMap<>();
      for (String axis : List.of("hle", "ifeval")) {
        if (!row.get(axis).isEmpty()) {
          extra.put(axis, Double.parseDouble(row.get(axis)));
        }
      }
      String date = row.get("release_date");
      out.add(new Release(
          row.get("model"),
          row.get("organization"),
          date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date)),
          Double.parseDouble(row.get("swe_bench_verified")),
          Double.parseDouble(row.get("gpqa_diamond")),
          extra));
    }
    return out;
  }

  /** Splits one CSV line, honouring double-quoted cells (which may hold commas). */
  static List<String> splitCsv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /**
   * The {@code shared/data} folder, found by walking up from the working directory to a folder
   * holding {@code shared/data/SOURCES.md}; empty when there is none.
   */
  static Optional<Path> sharedData() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
        return Optional.of(candidate);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}
