package io.phasewatch.streams.topology;

import io.phasewatch.core.detect.Announcements;
import io.phasewatch.core.detect.Decision;
import io.phasewatch.core.detect.Evaluation;
import io.phasewatch.core.detect.PhaseChangeDetector;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.streams.state.Diagnosed;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The streams side of the phase-change detector: for each changed diagnosis, reads what was last
 * announced for its key from its own store, lets core.detect decide, stores the new announcements
 * and forwards each alert keyed by its subject. A retracted diagnosis (null) resolves every alert
 * in force for the key.
 */
abstract class Detector<D> implements Processor<String, Diagnosed<D>, String, AlertEvent> {
  private final String storeName;
  private final TopologyListener listener;
  private ProcessorContext<String, AlertEvent> context;
  /** What was last announced per key, kept parsed: read on every diagnosis. */
  private final Memo<Announcements> announced = new Memo<>(Memo.KEYS_KEPT);

  Detector(String storeName, TopologyListener listener) {
    this.storeName = storeName;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, AlertEvent> context) {
    this.context = context;
    this.announced.attach(context.getStateStore(storeName));
    initLookups(context);
  }

  /** Subclasses fetch any further stores here. */
  void initLookups(ProcessorContext<String, AlertEvent> context) {}

  /** The conditions read from {@code value}, or none when it is null. */
  abstract Evaluation evaluate(String key, Diagnosed<D> value, Announcements previous);

  @Override
  public void process(Record<String, Diagnosed<D>> record) {
    judge(record.key(), record.value(), record.timestamp());
  }

  /**
   * Judges {@code value} (null: retracted) for {@code key} against what was announced, stores the
   * new announcements and forwards each alert, stamped {@code timestamp}.
   */
  void judge(String key, Diagnosed<D> value, long timestamp) {
    Record<String, Diagnosed<D>> record = new Record<>(key, value, timestamp);
    Announcements previous = announced.get(record.key());
    if (previous == null) {
      previous = Announcements.none();
    }
    Evaluation evaluation = record.value() == null
        ? new Evaluation(List.of(), previous.baselines())
        : evaluate(record.key(), record.value(), previous);
    Decision decision = PhaseChangeDetector.decide(evaluation, previous,
        Instant.ofEpochMilli(context.currentSystemTimeMs()),
        Instant.ofEpochMilli(record.timestamp()));
    if (decision.next().isEmpty() || (record.value() == null
        && decision.next().fired().isEmpty())) {
      announced.delete(record.key());
    } else if (!decision.next().equals(previous)) {
      announced.put(record.key(), decision.next());
    }
    for (AlertEvent e : decision.events()) {
      listener.alerted(e);
      context.forward(new Record<>(e.subject(), e, record.timestamp()));
    }
  }
}
