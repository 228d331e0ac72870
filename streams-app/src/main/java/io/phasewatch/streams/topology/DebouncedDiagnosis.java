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
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * <p>The members store holds one entry per group and member ({@link #memberKey}), not one value
 * per group: a pooled panel holds every base model, and a single value for it would be rewritten
 * (and changelogged) whole on every member update, growing past Kafka's record size limit at a
 * few thousand models. The punctuator reads a group's members with a prefix scan.
 */
final class DebouncedDiagnosis<D> implements Processor<String, MemberUpdate, String, Diagnosed<D>> {
  /**
   * Between group and model id in a members-store key. Group names (panel names, cohort labels)
   * cannot hold a control character (core.validation), so one group's prefix never covers
   * another group's keys.
   */
  static final char SEPARATOR = '\u0000';

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

  /** The members-store key of {@code model} in {@code group}. */
  static String memberKey(String group, String model) {
    return group + SEPARATOR + model;
  }

  @Override
  public void process(Record<String, MemberUpdate> record) {
    String group = record.key();
    MemberUpdate update = record.value();
    String key = memberKey(group, update.model());
    ModelProfile before = members.get(key);
    if (Objects.equals(before, update.profile().orElse(null))) {
      return;
    }
    if (update.profile().isPresent()) {
      members.put(key, update.profile().get());
    } else {
      members.delete(key);
    }
    if (dirty.get(group) == null) {
      dirty.put(group, record.timestamp());
    }
  }

  /** The members of {@code group}, by model id; empty when it has none. */
  private Map<String, ModelProfile> membersOf(String group) {
    Map<String, ModelProfile> out = new TreeMap<>();
    try (KeyValueIterator<String, ModelProfile> it =
        members.prefixScan(group + SEPARATOR, new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, ModelProfile> kv = it.next();
        out.put(kv.key.substring(group.length() + 1), kv.value);
      }
    }
    return out;
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
      Map<String, ModelProfile> current = membersOf(group);
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
