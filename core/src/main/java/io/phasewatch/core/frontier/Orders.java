package io.phasewatch.core.frontier;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The two total orders every function sorts by before it computes, so that a result depends on
 * the set of releases and not on the order of the list (floating-point sums included).
 */
final class Orders {
  private Orders() {}

  /** Model ids ignoring case first: ingest lower-cases them, a CSV keeps the vendor's spelling. */
  private static final Comparator<Release> CONTENT =
      Comparator.comparing(Release::model, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(Release::model)
          .thenComparing(Release::lab)
          .thenComparing(r -> r.releaseDate().orElse(LocalDate.MIN))
          .thenComparingDouble(Release::b1)
          .thenComparingDouble(Release::b2)
          .thenComparing(r -> new TreeMap<>(r.extraAxes()).toString());

  /** By model id, then every other field. */
  static final Comparator<Release> CANONICAL = CONTENT;

  /** By release date, ties broken by model id (then every other field); dated releases only. */
  static final Comparator<Release> RELEASE_DATE =
      Comparator.comparing((Release r) -> r.releaseDate().orElse(LocalDate.MIN))
          .thenComparing(CONTENT);

  static List<Release> canonical(List<Release> releases) {
    return releases.stream().sorted(CANONICAL).toList();
  }

  /** The dated releases, oldest first (METHOD.md §3.5: ties in date broken by model id). */
  static List<Release> byReleaseDate(List<Release> releases) {
    return releases.stream()
        .filter(r -> r.releaseDate().isPresent())
        .sorted(RELEASE_DATE)
        .toList();
  }

  static double[] b1(List<Release> releases) {
    return releases.stream().mapToDouble(Release::b1).toArray();
  }

  static double[] b2(List<Release> releases) {
    return releases.stream().mapToDouble(Release::b2).toArray();
  }
}
