package io.phasewatch.streams.serde;

import java.util.Arrays;
import java.util.Objects;

/**
 * A source record's value as parsed, with the bytes it was parsed from. Lives only between the
 * source node and validation: a record that fails validation is forwarded to the rejected topic
 * as {@link #raw()}, byte for byte.
 */
public record Parsed<T>(byte[] raw, T value) {
  public Parsed {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parsed<?> p && Arrays.equals(raw, p.raw) && value.equals(p.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(raw) + value.hashCode();
  }

  @Override
  public String toString() {
    return "Parsed[" + value + "]";
  }
}
