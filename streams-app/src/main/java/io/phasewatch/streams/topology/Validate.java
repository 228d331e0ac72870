package io.phasewatch.streams.topology;

import io.phasewatch.core.validation.Rejection;
import io.phasewatch.core.validation.RejectionReason;
import io.phasewatch.streams.serde.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Semantic validation of a source record (core.validation) plus the check that the record's key is
 * the key its value implies. A tombstone passes through unchanged: it retracts, it is not
 * validated.
 */
final class Validate<T> implements FixedKeyProcessor<String, Parsed<T>, Checked<T>> {
  private final Function<T, List<Rejection>> validator;
  private final Function<T, String> keyOf;
  private final Runnable onValid;
  private FixedKeyProcessorContext<String, Checked<T>> context;

  Validate(Function<T, List<Rejection>> validator, Function<T, String> keyOf, Runnable onValid) {
    this.validator = validator;
    this.keyOf = keyOf;
    this.onValid = onValid;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Checked<T>> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, Parsed<T>> record) {
    Parsed<T> parsed = record.value();
    if (parsed == null) {
      context.forward(record.withValue(null));
      return;
    }
    List<Rejection> rejections = new ArrayList<>(validator.apply(parsed.value()));
    if (rejections.isEmpty()) {
      String expected = keyOf.apply(parsed.value());
      if (!Objects.equals(expected, record.key())) {
        rejections.add(new Rejection(RejectionReason.MALFORMED, "key",
            "the record's key " + record.key() + " is not its value's key " + expected));
      }
    }
    if (rejections.isEmpty()) {
      onValid.run();
    }
    context.forward(record.withValue(new Checked<>(parsed, rejections)));
  }
}
