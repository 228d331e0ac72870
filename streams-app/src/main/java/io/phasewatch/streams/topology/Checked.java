package io.phasewatch.streams.topology;

import io.phasewatch.core.validation.Rejection;
import io.phasewatch.streams.serde.Parsed;
import java.util.List;

/** A parsed source record with the rejections validation found (empty when valid). */
record Checked<T>(Parsed<T> parsed, List<Rejection> rejections) {
  Checked {
    rejections = List.copyOf(rejections);
  }

  boolean invalid() {
    return !rejections.isEmpty();
  }
}
