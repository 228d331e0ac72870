package io.phasewatch.streams.topology;

import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.state.Points;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/** What every stage is built with. */
record Wiring(StreamsBuilder builder, Topics topics, StreamsSettings settings,
    DiagnosisConfig diagnosisConfig, Points points, Rejections rejections,
    TopologyListener listener, Computations computations) {

  /**
   * Adds a persistent, changelogged key-value store keyed by string. Cached: writes to one key
   * between two commits reach RocksDB and the changelog once (a family's members and diagnosis
   * are rewritten on every score of a backfill), and reads of hot keys skip RocksDB.
   */
  <V> void addStore(String name, Serde<V> values) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
        Serdes.String(), values).withCachingEnabled());
  }
}
