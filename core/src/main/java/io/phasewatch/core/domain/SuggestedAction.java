package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * What the people receiving an alert could do about it.
 *
 * @param kind the category, a small fixed set
 * @param detail one sentence for a person; empty when there is nothing to add to the kind
 * @param rotateTo for {@link Kind#ROTATE_BENCHMARK}: the catalogue id of the axis to rotate to
 */
public record SuggestedAction(Kind kind, String detail, Optional<String> rotateTo) {

  /** The categories of action the methods of METHOD.md lead to. */
  public enum Kind {
    /** Nothing to do: informational, or the condition resolved. */
    NONE,
    /**
     * Curate the training data: METHOD.md §2, curated data and new recipes move N_c down, so a
     * family stuck in the tax phase or an N_c that moved up points at the data recipe.
     */
    CURATE_DATA,
    /**
     * Widen the evidence before acting: more sizes or releases, a wider B1 range in the window
     * (METHOD.md §3.5, "coupling needs range"), width-normalised scores (§1.5).
     */
    WIDEN,
    /**
     * Rotate the benchmark: the active axis no longer separates the top releases (METHOD.md
     * §3.4, σ &lt; 0.2); measure on the activating candidate instead.
     */
    ROTATE_BENCHMARK,
    /** Review one release's scores and settings (scaffold, effort, harness) by hand. */
    REVIEW;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; throws {@link IllegalArgumentException} for an unknown id. */
    @JsonCreator
    public static Kind fromId(String id) {
      return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
  }

  public SuggestedAction {
    kind = kind == null ? Kind.NONE : kind;
    detail = detail == null ? "" : detail;
    rotateTo = rotateTo == null ? Optional.empty() : rotateTo;
  }

  public static SuggestedAction none() {
    return new SuggestedAction(Kind.NONE, "", Optional.empty());
  }

  public static SuggestedAction of(Kind kind, String detail) {
    return new SuggestedAction(kind, detail, Optional.empty());
  }

  /** Rotate from the saturated axis to {@code benchmark} (METHOD.md §3.4). */
  public static SuggestedAction rotateTo(String benchmark, String detail) {
    return new SuggestedAction(Kind.ROTATE_BENCHMARK, detail, Optional.ofNullable(benchmark));
  }
}
