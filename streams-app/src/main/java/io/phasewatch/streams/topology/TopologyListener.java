package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.AlertEvent;

/**
 * What the topology tells the outside while it runs: each diagnosis computed (and how long it
 * took), each diagnosis published, each alert. The metrics binder implements it; tests count
 * computations with it. Called on stream threads: implementations must be thread-safe and quick.
 */
public interface TopologyListener {
  TopologyListener NONE = new TopologyListener() {};

  /** A valid record of {@code kind} ({@code score} or {@code model}) was read. */
  default void received(String kind) {}

  /** A diagnosis of {@code key} was computed, in {@code nanos}. */
  default void computed(DiagnosisKind kind, String key, long nanos) {}

  /** A changed diagnosis of {@code key} was published; {@code diagnosis} null when retracted. */
  default void published(DiagnosisKind kind, String key, Object diagnosis) {}

  /** An alert was emitted. */
  default void alerted(AlertEvent event) {}
}
