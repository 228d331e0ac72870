package io.phasewatch.core.diagnosis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Normalises what a JSON reader may hand a record's constructor (null for an absent field) into
 * the empty values the records promise, so a round trip through {@code Json.mapper()} gives an
 * equal record.
 */
final class Nulls {
  private Nulls() {}

  static OptionalDouble orEmpty(OptionalDouble v) {
    return v == null ? OptionalDouble.empty() : v;
  }

  static <T> Optional<T> orEmpty(Optional<T> v) {
    return v == null ? Optional.empty() : v;
  }

  static <T> List<T> copy(List<T> v) {
    return v == null ? List.of() : List.copyOf(v);
  }

  static Map<String, String> sorted(Map<String, String> v) {
    return v == null || v.isEmpty()
        ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(new TreeMap<>(v));
  }
}
