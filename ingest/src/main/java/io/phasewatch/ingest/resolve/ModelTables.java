package io.phasewatch.ingest.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasewatch.ingest.feed.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The small metadata tables a name alone cannot give: old repository names and their canonical
 * ids, parameter counts of models whose names carry no size, totals of mixture-of-experts
 * shapes, and hidden widths from public architecture configs. Loaded from YAML
 * ({@code models.yaml} in this package is the default), so a user corrects them without code.
 *
 * @param aliases lower-case model id → canonical id
 * @param paramsByName lower-case repository name (after the organisation) → billions
 * @param paramsByMoeShape lower-case shape token ({@code 8x7b}, {@code 17b-16e}) → total billions
 * @param dModel canonical id → hidden width
 */
public record ModelTables(
    Map<String, String> aliases,
    Map<String, Double> paramsByName,
    Map<String, Double> paramsByMoeShape,
    Map<String, Integer> dModel) {

  private static final ObjectMapper YAML = Yaml.mapper();

  public ModelTables {
    aliases = lowerKeys(aliases);
    paramsByName = lowerKeys(paramsByName);
    paramsByMoeShape = lowerKeys(paramsByMoeShape);
    dModel = lowerKeys(dModel);
  }

  /** The tables shipped with phasewatch. */
  public static ModelTables defaults() {
    try (InputStream in = ModelTables.class.getResourceAsStream("models.yaml")) {
      return YAML.readValue(in, ModelTables.class);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled models.yaml unreadable", e);
    }
  }

  public static ModelTables load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.readValue(in, ModelTables.class);
    }
  }

  /** The canonical id of a model: trimmed, lower case, old names mapped to current ones. */
  public String canonicalId(String modelName) {
    String id = modelName.trim().toLowerCase(Locale.ROOT);
    return aliases.getOrDefault(id, id);
  }

  public Optional<Double> paramsByName(String repositoryName) {
    return Optional.ofNullable(paramsByName.get(repositoryName.toLowerCase(Locale.ROOT)));
  }

  public Optional<Double> paramsByMoeShape(String shape) {
    return Optional.ofNullable(paramsByMoeShape.get(shape.toLowerCase(Locale.ROOT)));
  }

  public OptionalInt dModel(String canonicalId) {
    Integer w = dModel.get(canonicalId);
    return w == null ? OptionalInt.empty() : OptionalInt.of(w);
  }

  private static <V> Map<String, V> lowerKeys(Map<String, V> m) {
    Map<String, V> out = new TreeMap<>();
    if (m != null) {
      m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    }
    return Map.copyOf(out);
  }
}
