package io.phasewatch.streams.topology;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic as a typed value: its name travels with its key and value serdes, so no call site can
 * pair a name with the wrong serde.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  /** How the topology reads it, as the named source node {@code sourceName}. */
  public Consumed<K, V> consumedAs(String sourceName) {
    return Consumed.with(keySerde, valueSerde).withName(sourceName);
  }

  /** How the topology writes it, as the named sink node {@code sinkName}. */
  public Produced<K, V> producedAs(String sinkName) {
    return Produced.with(keySerde, valueSerde).withName(sinkName);
  }
}
