package io.phasewatch.streams.topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Epoch AI Benchmarking Hub releases of the test fixture {@code
 * epoch/frontier_swe_gpqa_pairs_epoch.csv} (CC-BY 4.0, attribution in the file), in release-date
 * order with ties by model id (METHOD.md §3.5's order).
 */
final class EpochReleases {
  private EpochReleases() {}

  record Release(String snapshot, String model, String lab, LocalDate date, double swe,
      double gpqa) {}

  static List<Release> of(String snapshot) {
    List<Release> out = new ArrayList<>();
    try (InputStream in = EpochReleases.class.getResourceAsStream(
        "/epoch/frontier_swe_gpqa_pairs_epoch.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        List<String> cols = csv(line);
        if (cols.get(0).equals(snapshot)) {
          out.add(new Release(cols.get(0), cols.get(1), cols.get(2), LocalDate.parse(cols.get(3)),
              Double.parseDouble(cols.get(4)), Double.parseDouble(cols.get(5))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing(Release::date).thenComparing(Release::model));
    return out;
  }

  /** Splits one CSV line with double-quoted fields ("Google DeepMind,Google"). */
  private static List<String> csv(String line) {
    List<String> cols = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cols.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cols.add(cur.toString());
    return cols;
  }

  /** Pearson r, written out for the test: an implementation independent of core.stats. */
  static double pearson(List<Release> window) {
    int n = window.size();
    double mx = window.stream().mapToDouble(Release::swe).sum() / n;
    double my = window.stream().mapToDouble(Release::gpqa).sum() / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (Release r : window) {
      sxy += (r.swe() - mx) * (r.gpqa() - my);
      sxx += (r.swe() - mx) * (r.swe() - mx);
      syy += (r.gpqa() - my) * (r.gpqa() - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
