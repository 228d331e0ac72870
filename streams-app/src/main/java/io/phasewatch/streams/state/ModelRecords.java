package io.phasewatch.streams.state;

import io.phasewatch.core.domain.ModelRecord;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every current record of one model, one per feed, keyed by the record's topic key ({@code
 * source|model_id}). The aggregate of the model table grouped by model id: {@link #plus} is the
 * adder, {@link #minus} the subtractor, so a feed's corrected description replaces its old one
 * and leaves the other feeds' alone.
 */
public record ModelRecords(Map<String, ModelRecord> records) {
  public ModelRecords {
    records = records == null ? Map.of() : Map.copyOf(records);
  }

  public static ModelRecords empty() {
    return new ModelRecords(Map.of());
  }

  public ModelRecords plus(ModelRecord record) {
    Map<String, ModelRecord> next = new TreeMap<>(records);
    next.put(record.key(), record);
    return new ModelRecords(next);
  }

  /** Without {@code record}; null (which deletes the aggregate) when nothing is left. */
  public ModelRecords minus(ModelRecord record) {
    Map<String, ModelRecord> next = new TreeMap<>(records);
    next.remove(record.key());
    return next.isEmpty() ? null : new ModelRecords(next);
  }
}
