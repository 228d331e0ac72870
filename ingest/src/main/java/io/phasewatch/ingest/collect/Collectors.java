package io.phasewatch.ingest.collect;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The collectors by format name: the built-in ones plus any found by {@link ServiceLoader}. */
public final class Collectors {
  private final Map<String, Collector> byFormat;

  private Collectors(Map<String, Collector> byFormat) {
    this.byFormat = Map.copyOf(byFormat);
  }

  public static Collectors builtIn() {
    Map<String, Collector> m = new TreeMap<>();
    for (Collector c : new Collector[] {
        new OpenLlmV1Collector(), new OpenLlmV2Collector(), new EpochHubCollector(),
        new LmEvalJsonCollector(), new MappedCsvCollector(), new JsonLinesCollector()}) {
      m.put(c.format(), c);
    }
    for (Collector c : ServiceLoader.load(Collector.class)) {
      m.putIfAbsent(c.format(), c);
    }
    return new Collectors(m);
  }

  public Optional<Collector> forFormat(String format) {
    return Optional.ofNullable(byFormat.get(format));
  }

  public Collection<String> formats() {
    return byFormat.keySet();
  }
}
