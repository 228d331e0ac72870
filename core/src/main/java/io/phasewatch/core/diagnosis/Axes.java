package io.phasewatch.core.diagnosis;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Extra-axis maps are copied sorted, so that iteration (and JSON) order never depends on input. */
final class Axes {
  private Axes() {}

  static SortedMap<String, Double> sortedCopy(Map<String, Double> axes) {
    return axes == null || axes.isEmpty()
        ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(new TreeMap<>(axes));
  }
}
