package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ModelProfile;
import java.util.Map;
import java.util.TreeMap;

/**
 * The profiles of one family's base models, by model id: the family aggregate. {@link #plus} is
 * the adder and {@link #minus} the subtractor of the grouped profile table, so a correction or a
 * retraction moves the family state both ways.
 */
public record FamilyMembers(Map<String, ModelProfile> members) {
  public FamilyMembers {
    members = members == null ? Map.of() : Map.copyOf(members);
  }

  public static FamilyMembers empty() {
    return new FamilyMembers(Map.of());
  }

  public FamilyMembers plus(ModelProfile profile) {
    Map<String, ModelProfile> next = new TreeMap<>(members);
    next.put(profile.model().modelId(), profile);
    return new FamilyMembers(next);
  }

  /** Without the profile's model; null (which deletes the family) when no model is left. */
  public FamilyMembers minus(ModelProfile profile) {
    Map<String, ModelProfile> next = new TreeMap<>(members);
    next.remove(profile.model().modelId());
    return next.isEmpty() ? null : new FamilyMembers(next);
  }
}
