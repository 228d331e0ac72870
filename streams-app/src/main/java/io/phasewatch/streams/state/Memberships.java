package io.phasewatch.streams.state;

import java.util.Set;
import java.util.TreeSet;

/** The groups (panels or cohorts) a model was last placed in: the membership store's value. */
public record Memberships(Set<String> groups) {
  public Memberships {
    groups = groups == null ? Set.of() : Set.copyOf(new TreeSet<>(groups));
  }
}
