package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.state.ModelInput;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 */
final class ResolveProfile implements Processor<String, ModelInput, String, ModelProfile> {
  private final String scoresStoreName;
  private final String recordsStoreName;
  private final List<String> sourcePriority;
  private final MemberTable<ScoreRecord> scores = new MemberTable<>(Memo.KEYS_KEPT);
  private final MemberTable<ModelRecord> records = new MemberTable<>(Memo.KEYS_KEPT);
  private ProcessorContext<String, ModelProfile> context;

  ResolveProfile(String scoresStoreName, String recordsStoreName, List<String> sourcePriority) {
    this.scoresStoreName = scoresStoreName;
    this.recordsStoreName = recordsStoreName;
    this.sourcePriority = List.copyOf(sourcePriority);
  }

  @Override
  public void init(ProcessorContext<String, ModelProfile> context) {
    this.context = context;
    scores.attach(context.getStateStore(scoresStoreName));
    records.attach(context.getStateStore(recordsStoreName));
  }

  @Override
  public void process(Record<String, ModelInput> record) {
    String model = record.key();
    ModelInput input = record.value();
    ModelProfile before = profile(model);
    boolean changed = input.kind() == ModelInput.Kind.SCORE
        ? scores.apply(model, input.key(), input.score().orElse(null))
        : records.apply(model, input.key(), input.model().orElse(null));
    if (!changed) {
      return;
    }
    ModelProfile after = profile(model);
    if (!Objects.equals(before, after)) {
      context.forward(record.withValue(after));
    }
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
