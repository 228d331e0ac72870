package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ModelProfile;
import java.util.Map;

/**
 * The profiles in one pooled panel or frontier cohort, by model id, as a group's diagnosis reads
 * them. (The topology stores each member under its own key; this is the group assembled.)
 */
public record GroupMembers(Map<String, ModelProfile> members) {
  public GroupMembers {
    members = members == null ? Map.of() : Map.copyOf(members);
  }
}
