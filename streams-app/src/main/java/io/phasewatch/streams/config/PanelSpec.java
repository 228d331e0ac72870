package io.phasewatch.streams.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pooled panel of METHOD.md §1.4: a name, the families whose base models it pools (empty: every
 * base family) and, optionally, a cohort. A panel with a cohort pools the base models of that
 * cohort as the cohort scores them (a curated panel such as the paper's 14 models, whose figures
 * are its own); one without pools the models' general profiles. A model may belong to several
 * panels.
 */
public record PanelSpec(String name, List<String> families, Optional<String> cohort) {
  public PanelSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains("|")) {
      throw new IllegalArgumentException("panel name must be non-blank without '|': " + name);
    }
    families = families == null ? List.of() : List.copyOf(families);
    cohort = cohort == null ? Optional.empty() : cohort.filter(c -> !c.isBlank());
  }

  /** A panel of the general profiles of {@code families} (empty: every base family). */
  public PanelSpec(String name, List<String> families) {
    this(name, families, Optional.empty());
  }

  public static PanelSpec allBaseFamilies(String name) {
    return new PanelSpec(name, List.of());
  }

  public boolean includes(String family) {
    return families.isEmpty() || families.contains(family);
  }
}
