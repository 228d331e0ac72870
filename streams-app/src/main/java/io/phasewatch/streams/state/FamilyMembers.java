package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ModelProfile;
import java.util.Map;

/**
 * The profiles of one family's base models, by model id, as the family's diagnosis reads them.
 * (The topology stores each member under its own key; this is the family assembled.)
 */
public record FamilyMembers(Map<String, ModelProfile> members) {
  public FamilyMembers {
    members = members == null ? Map.of() : Map.copyOf(members);
  }
}
