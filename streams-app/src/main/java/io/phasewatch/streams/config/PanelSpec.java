package io.phasewatch.streams.config;

import java.util.List;
import java.util.Objects;

/**
 * A pooled panel of METHOD.md §1.4: a name and the families whose base models it pools. An empty
 * family list means every base family. A model may belong to several panels.
 */
public record PanelSpec(String name, List<String> families) {
  public PanelSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains("|")) {
      throw new IllegalArgumentException("panel name must be non-blank without '|': " + name);
    }
    families = families == null ? List.of() : List.copyOf(families);
  }

  public static PanelSpec allBaseFamilies(String name) {
    return new PanelSpec(name, List.of());
  }

  public boolean includes(String family) {
    return families.isEmpty() || families.contains(family);
  }
}
