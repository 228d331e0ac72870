package io.phasewatch.streams.topology;

import io.phasewatch.streams.state.Diagnosed;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Diagnoses each changed input and forwards the diagnosis only when it differs from the last one
 * forwarded for that key (kept in {@code storeName}), so a re-published score produces no output.
 * A null input (the group was emptied) forwards a tombstone once.
 */
final class EmitOnChange<V, D> implements Processor<String, V, String, Diagnosed<D>> {
  private final String storeName;
  private final DiagnosisKind kind;
  private final TopologyListener listener;
  private final BiFunction<String, V, Diagnosed<D>> diagnose;
  private ProcessorContext<String, Diagnosed<D>> context;
  private KeyValueStore<String, D> last;

  EmitOnChange(String storeName, DiagnosisKind kind, TopologyListener listener,
      BiFunction<String, V, Diagnosed<D>> diagnose) {
    this.storeName = storeName;
    this.kind = kind;
    this.listener = listener;
    this.diagnose = diagnose;
  }

  @Override
  public void init(ProcessorContext<String, Diagnosed<D>> context) {
    this.context = context;
    this.last = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, V> record) {
    String key = record.key();
    if (record.value() == null) {
      if (last.get(key) != null) {
        last.delete(key);
        listener.published(kind, key, null);
        context.forward(record.withValue(null));
      }
      return;
    }
    Diagnosed<D> now = diagnose.apply(key, record.value());
    if (!Objects.equals(last.get(key), now.diagnosis())) {
      last.put(key, now.diagnosis());
      listener.published(kind, key, now.diagnosis());
      context.forward(record.withValue(now));
    }
  }
}
