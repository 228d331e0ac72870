package io.phasewatch.streams.state;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ResolvedScore;
import io.phasewatch.streams.config.BenchmarkRoles;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a model profile enters the analyses: as a base-model point (METHOD.md §1: a base model with
 * a size and both axes of the pair) or as a frontier release (§3: both axes of the frontier pair),
 * and the sources of the scores it was built from. A model is named by its {@link
 * io.phasewatch.core.domain.ModelRecord#displayName() display name}, the spelling of its feed, as
 * {@code phasewatch diagnose} names it from the same file. A cohort's analyses read the cohort's
 * view of the model ({@link ModelProfile#in}).
 */
public final class Points {
  private final BenchmarkRoles roles;

  public Points(BenchmarkRoles roles) {
    this.roles = roles;
  }

  public BenchmarkRoles roles() {
    return roles;
  }

  /** The base-model point of {@code p}, if it is a base model with a size and both axes. */
  public Optional<BaseModelPoint> basePoint(ModelProfile p) {
    if (p.model().kind() != ModelKind.BASE || p.model().paramsB().isEmpty()
        || p.model().family() == null || p.model().family().isBlank()
        || !(p.model().paramsB().getAsDouble() > 0)
        || !p.hasAll(List.of(roles.baseB1(), roles.baseB2()))) {
      return Optional.empty();
    }
    return Optional.of(new BaseModelPoint(p.model().displayName(), p.model().family(),
        p.model().paramsB().getAsDouble(), p.percent(roles.baseB1()).getAsDouble(),
        p.percent(roles.baseB2()).getAsDouble(), p.model().dModel(),
        extras(p, roles.baseExtras())));
  }

  /** The frontier release of {@code p}, if it has both axes of the frontier pair. */
  public Optional<FrontierRelease> frontierRelease(ModelProfile p) {
    if (!p.hasAll(List.of(roles.frontierB1(), roles.frontierB2()))) {
      return Optional.empty();
    }
    return Optional.of(new FrontierRelease(p.model().displayName(),
        p.model().lab().orElse("unknown"),
        p.model().releaseDate(), p.percent(roles.frontierB1()).getAsDouble(),
        p.percent(roles.frontierB2()).getAsDouble(), extras(p, roles.frontierExtras())));
  }

  /** Model name → benchmark id → feed, over the benchmarks the analyses read. */
  public Map<String, Map<String, String>> sources(Collection<ModelProfile> profiles) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (ModelProfile p : profiles) {
      Map<String, String> bySource = new TreeMap<>();
      p.scores().forEach((benchmark, score) -> bySource.put(benchmark, score.source()));
      out.put(p.model().displayName(), bySource);
    }
    return out;
  }

  private static Map<String, Double> extras(ModelProfile p, List<String> benchmarks) {
    Map<String, Double> out = new TreeMap<>();
    for (String b : benchmarks) {
      ResolvedScore s = p.scores().get(b);
      if (s != null) {
        out.put(b, s.percent());
      }
    }
    return out;
  }
}
