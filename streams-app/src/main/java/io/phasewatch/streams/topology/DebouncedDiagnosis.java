package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.GroupMembers;
import io.phasewatch.streams.state.MemberUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each group's members and recomputes its diagnosis only when the members changed and at
 * most once per {@code interval} (DESIGN.md "bounded cost"). A member update marks the group dirty
 * in a store; a wall-clock punctuator computes the dirty groups and forwards each diagnosis that
 * differs from the last one forwarded. A backfill of any number of scores costs one computation
 * per group and interval, and because the dirty mark and the members survive a restart (both
 * stores are changelogged), the state after the last punctuation is exactly that of all inputs.
 *
 * <p>The members store holds one entry per group and member ({@link MemberEntries}).
 */
final class DebouncedDiagnosis<D> implements Processor<String, MemberUpdate, String, Diagnosed<D>> {
  private final String membersStore;
  private final String dirtyStore;
  private final String lastStore;
  private final Duration interval;
  private final DiagnosisKind kind;
  private final TopologyListener listener;
  private final BiFunction<String, GroupMembers, Diagnosed<D>> diagnose;
  private ProcessorContext<String, Diagnosed<D>> context;
  private KeyValueStore<String, ModelProfile> members;
  private KeyValueStore<String, Long> dirty;
  private KeyValueStore<String, D> last;

  DebouncedDiagnosis(String membersStore, String dirtyStore, String lastStore, Duration interval,
      DiagnosisKind kind, TopologyListener listener,
      BiFunction<String, GroupMembers, Diagnosed<D>> diagnose) {
    this.membersStore = membersStore;
    this.dirtyStore = dirtyStore;
    this.lastStore = lastStore;
    this.interval = interval;
    this.kind = kind;
    this.listener = listener;
    this.diagnose = diagnose;
  }

  @Override
  public void init(ProcessorContext<String, Diagnosed<D>> context) {
    this.context = context;
    this.members = context.getStateStore(membersStore);
    this.dirty = context.getStateStore(dirtyStore);
    this.last = context.getStateStore(lastStore);
    context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::computeDirty);
  }

  @Override
  public void process(Record<String, MemberUpdate> record) {
    String group = record.key();
    if (MemberEntries.apply(members, group, record.value()) && dirty.get(group) == null) {
      dirty.put(group, record.timestamp());
    }
  }

  /** Computes every dirty group once; {@code now} is the wall-clock time of the punctuation. */
  void computeDirty(long now) {
    List<String> groups = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = dirty.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> kv = it.next();
        groups.add(kv.key);
      }
    }
    for (String group : groups) {
      dirty.delete(group);
      Map<String, ModelProfile> current = MemberEntries.of(members, group);
      if (current.isEmpty()) {
        if (last.get(group) != null) {
          last.delete(group);
          listener.published(kind, group, null);
          context.forward(new Record<>(group, null, now));
        }
        continue;
      }
      long start = System.nanoTime();
      Diagnosed<D> d = diagnose.apply(group, new GroupMembers(current));
      listener.computed(kind, group, System.nanoTime() - start);
      if (!Objects.equals(last.get(group), d.diagnosis())) {
        last.put(group, d.diagnosis());
        listener.published(kind, group, d.diagnosis());
        context.forward(new Record<>(group, d, now));
      }
    }
  }
}
