package io.phasewatch.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The score a model profile uses for one benchmark, after choosing among sources (DESIGN.md
 * "The topology", step 1).
 *
 * @param percent the value in percent (0–100), whatever scale the source published
 * @param source the feed id it came from
 * @param evaluatedAt when the source evaluated it, when known
 */
public record ResolvedScore(double percent, String source, Optional<Instant> evaluatedAt) {
  public ResolvedScore {
    source = source == null ? "" : source;
    evaluatedAt = evaluatedAt == null ? Optional.empty() : evaluatedAt;
  }

  public static ResolvedScore of(ScoreRecord score) {
    return new ResolvedScore(score.percent(), score.source(), score.evaluatedAt());
  }
}
