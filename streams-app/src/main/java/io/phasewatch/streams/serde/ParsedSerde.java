package io.phasewatch.streams.serde;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Reads JSON into a {@link Parsed} (value and original bytes); writes the original bytes back. */
public final class ParsedSerde<T> implements Serde<Parsed<T>> {
  private final JsonSerde<T> json;

  public ParsedSerde(JsonSerde<T> json) {
    this.json = json;
  }

  @Override
  public Serializer<Parsed<T>> serializer() {
    return (topic, parsed) -> parsed == null ? null : parsed.raw();
  }

  @Override
  public Deserializer<Parsed<T>> deserializer() {
    return (topic, bytes) -> bytes == null ? null : new Parsed<>(bytes, json.read(bytes));
  }
}
