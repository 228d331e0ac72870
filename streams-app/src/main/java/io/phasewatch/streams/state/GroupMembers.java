package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ModelProfile;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The profiles in one pooled panel or frontier cohort, by model id. */
public record GroupMembers(Map<String, ModelProfile> members) {
  public GroupMembers {
    members = members == null ? Map.of() : Map.copyOf(members);
  }

  public static GroupMembers empty() {
    return new GroupMembers(Map.of());
  }

  /** The members after {@code update}: the model's profile put, or the model removed. */
  public GroupMembers apply(MemberUpdate update) {
    Map<String, ModelProfile> next = new TreeMap<>(members);
    if (update.profile().isPresent()) {
      next.put(update.model(), update.profile().get());
    } else {
      next.remove(update.model());
    }
    return new GroupMembers(next);
  }

  public Optional<ModelProfile> get(String model) {
    return Optional.ofNullable(members.get(model));
  }
}
