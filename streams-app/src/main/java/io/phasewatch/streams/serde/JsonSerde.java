package io.phasewatch.streams.serde;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde writing values as JSON with the one phasewatch mapper (snake_case, unknown fields
 * ignored). Null stays null in both directions, so tombstones pass through. Bytes that are not
 * the expected JSON raise {@link SerializationException}, which the deserialization exception
 * handler turns into a rejected record.
 */
public final class JsonSerde<T> implements Serde<T> {
  private final ObjectMapper mapper = Json.mapper();
  private final JavaType type;

  private JsonSerde(JavaType type) {
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(Json.mapper().constructType(type));
  }

  public static <T> JsonSerde<T> of(TypeReference<T> type) {
    return new JsonSerde<>(Json.mapper().getTypeFactory().constructType(type));
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return mapper.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new SerializationException("cannot write " + type + " as JSON", e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> read(bytes);
  }

  /** Parses {@code bytes}: null for null, {@link SerializationException} when unreadable. */
  public T read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      T value = mapper.readValue(bytes, type);
      if (value == null) {
        throw new SerializationException(
            "JSON null is not a " + type.getRawClass().getSimpleName());
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException se) {
        throw se;
      }
      throw new SerializationException("not a " + type.getRawClass().getSimpleName() + ": "
          + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
