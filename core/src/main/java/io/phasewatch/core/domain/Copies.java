package io.phasewatch.core.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Immutable, null-free, deterministically ordered copies for record components. A record read
 * from JSON may carry null map values or list entries; dropping them here keeps constructors
 * from throwing on data.
 */
final class Copies {
  private Copies() {}

  /** A key-sorted unmodifiable copy without null keys or values; empty for null. */
  static <V> SortedMap<String, V> sortedMap(Map<String, V> map) {
    TreeMap<String, V> copy = new TreeMap<>();
    if (map != null) {
      map.forEach((k, v) -> {
        if (k != null && v != null) {
          copy.put(k, v);
        }
      });
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  /** An unmodifiable copy in the given order without null entries; empty for null. */
  static <T> List<T> list(Collection<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  /** A sorted, de-duplicated unmodifiable copy without null entries: a set written as a list. */
  static List<String> sortedSet(Collection<String> list) {
    return list == null
        ? List.of()
        : list.stream().filter(Objects::nonNull).distinct().sorted().toList();
  }
}
