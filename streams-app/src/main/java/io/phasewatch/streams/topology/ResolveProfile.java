package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.state.ModelInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps every current score and feed record of each model, one store entry per topic key
 * ({@link MemberEntries}: a new score writes that score, not the model's whole list), and
 * forwards the model's resolved profile ({@link ModelProfile#resolve}) whenever it changed: a
 * correction replaces an entry, a tombstone removes one, a re-published value changes nothing. A
 * model has a profile once it has a record and a score; losing the last of either forwards a
 * null profile, which retracts the model downstream.
 *
 * <p>Profiles are forwarded every {@link ChangedKeys#PUBLISH_EVERY}, not once per record: a feed
 * publishes a model's scores together, and forwarding the profile after each of them multiplied
 * the work of every stage downstream (three fan-outs, three repartitions, a family diagnosis)
 * by the model's number of benchmarks.
 */
final class ResolveProfile implements Processor<String, ModelInput, String, ModelProfile> {
  private final String scoresStoreName;
  private final String recordsStoreName;
  private final String changedStoreName;
  private final List<String> sourcePriority;
  private final MemberTable<ScoreRecord> scores = new MemberTable<>(Memo.KEYS_KEPT);
  private final MemberTable<ModelRecord> records = new MemberTable<>(Memo.KEYS_KEPT);
  private final ChangedKeys changed = new ChangedKeys();
  /**
   * The profile each changed model had before its first change since the last publication
   * (null: none), so that changes which cancel out, or that the profile does not show, forward
   * nothing. A model a restarted task finds in its changed store has no entry here and is
   * forwarded.
   */
  private final Map<String, ModelProfile> before = new HashMap<>();
  private ProcessorContext<String, ModelProfile> context;

  ResolveProfile(String scoresStoreName, String recordsStoreName, String changedStoreName,
      List<String> sourcePriority) {
    this.scoresStoreName = scoresStoreName;
    this.recordsStoreName = recordsStoreName;
    this.changedStoreName = changedStoreName;
    this.sourcePriority = List.copyOf(sourcePriority);
  }

  @Override
  public void init(ProcessorContext<String, ModelProfile> context) {
    this.context = context;
    scores.attach(context.getStateStore(scoresStoreName));
    records.attach(context.getStateStore(recordsStoreName));
    changed.attach(context.getStateStore(changedStoreName));
    before.clear();
    context.schedule(ChangedKeys.PUBLISH_EVERY, PunctuationType.WALL_CLOCK_TIME,
        now -> publish());
  }

  @Override
  public void process(Record<String, ModelInput> record) {
    String model = record.key();
    ModelInput input = record.value();
    boolean first = !changed.contains(model);
    ModelProfile was = first ? profile(model) : null;
    boolean applied = input.kind() == ModelInput.Kind.SCORE
        ? scores.apply(model, input.key(), input.score().orElse(null))
        : records.apply(model, input.key(), input.model().orElse(null));
    if (applied) {
      if (first) {
        before.put(model, was);
      }
      changed.mark(model, record.timestamp(), context.currentSystemTimeMs());
    }
  }

  /** Forwards the profile of every model changed since the last call, if it differs. */
  void publish() {
    changed.drainAll((model, timestamp) -> {
      boolean known = before.containsKey(model);
      ModelProfile was = before.remove(model);
      ModelProfile now = profile(model);
      if (!known || !Objects.equals(was, now)) {
        context.forward(new Record<>(model, now, timestamp));
      }
    });
  }

  /** The model's profile from its current entries; null until it has a record and a score. */
  private ModelProfile profile(String model) {
    Map<String, ModelRecord> recordsOf = records.of(model);
    Map<String, ScoreRecord> scoresOf = scores.of(model);
    if (recordsOf.isEmpty() || scoresOf.isEmpty()) {
      return null;
    }
    return ModelProfile.resolve(recordsOf.values(), scoresOf.values(), sourcePriority);
  }
}
