package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ModelProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * A model joining (or updating its profile in) a panel or cohort, or leaving it when {@code
 * profile} is empty. Keyed by the group's name on the members repartition topic.
 */
public record MemberUpdate(String model, Optional<ModelProfile> profile) {
  public MemberUpdate {
    Objects.requireNonNull(model, "model");
    profile = profile == null ? Optional.empty() : profile;
  }

  public static MemberUpdate join(ModelProfile profile) {
    return new MemberUpdate(profile.model().modelId(), Optional.of(profile));
  }

  public static MemberUpdate leave(String model) {
    return new MemberUpdate(model, Optional.empty());
  }
}
