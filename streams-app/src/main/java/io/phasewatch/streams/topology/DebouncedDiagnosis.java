package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.GroupMembers;
import io.phasewatch.streams.state.MemberUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each group's members and recomputes its diagnosis only when the members changed and at
 * most once per {@code interval} (DESIGN.md "bounded cost"). A member update marks the group dirty
 * in a store; a wall-clock punctuator starts the computation of every dirty group on a snapshot
 * of its members ({@link Computations}: in the background, so the stream thread goes on), and a
 * frequent one publishes each finished diagnosis that differs from the last one published.
 *
 * <p>A group stays dirty until a computation started after its last change has finished; a
 * change during a computation leaves it dirty for the next interval (its result, of an earlier
 * state, is still published: a group that changes continuously still gets a diagnosis per
 * interval). The dirty mark and the members are changelogged, so a crash or a rebalance loses
 * at most work in flight, redone from the marks: the state after the last punctuation is exactly
 * that of all inputs.
 *
 * <p>The members store holds one entry per group and member ({@link MemberEntries}).
 */
final class DebouncedDiagnosis<D> implements Processor<String, MemberUpdate, String, Diagnosed<D>> {
  /** How often finished background computations are collected and published. */
  static final Duration COLLECT_EVERY = Duration.ofMillis(50);

  private final String membersStore;
  private final String dirtyStore;
  private final String lastStore;
  private final Duration interval;
  private final DiagnosisKind kind;
  private final TopologyListener listener;
  private final BiFunction<String, GroupMembers, Diagnosed<D>> diagnose;
  private final RunningJobs<Long, Timed<Diagnosed<D>>> jobs;
  /** Member changes per group since this processor started: tells a job's input from the latest. */
  private final Map<String, Long> changes = new HashMap<>();
  private ProcessorContext<String, Diagnosed<D>> context;
  private KeyValueStore<String, ModelProfile> members;
  private KeyValueStore<String, Long> dirty;
  private KeyValueStore<String, D> last;

  DebouncedDiagnosis(String membersStore, String dirtyStore, String lastStore, Duration interval,
      DiagnosisKind kind, TopologyListener listener, Computations computations,
      BiFunction<String, GroupMembers, Diagnosed<D>> diagnose) {
    this.membersStore = membersStore;
    this.dirtyStore = dirtyStore;
    this.lastStore = lastStore;
    this.interval = interval;
    this.kind = kind;
    this.listener = listener;
    this.diagnose = diagnose;
    this.jobs = new RunningJobs<>(computations);
  }

  /** A result and the nanoseconds it took to compute. */
  record Timed<T>(T value, long nanos) {
    static <T> Timed<T> of(Supplier<T> work) {
      long start = System.nanoTime();
      T value = work.get();
      return new Timed<>(value, System.nanoTime() - start);
    }
  }

  @Override
  public void init(ProcessorContext<String, Diagnosed<D>> context) {
    this.context = context;
    this.members = context.getStateStore(membersStore);
    this.dirty = context.getStateStore(dirtyStore);
    this.last = context.getStateStore(lastStore);
    context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::computeDirty);
    context.schedule(COLLECT_EVERY, PunctuationType.WALL_CLOCK_TIME, this::publishFinished);
  }

  @Override
  public void process(Record<String, MemberUpdate> record) {
    String group = record.key();
    MemberUpdate update = record.value();
    if (MemberEntries.apply(members, group, update.model(), update.profile().orElse(null))) {
      changes.merge(group, 1L, Long::sum);
      if (dirty.get(group) == null) {
        dirty.put(group, record.timestamp());
      }
    }
  }

  /**
   * Starts a computation of every dirty group that has none running; {@code now} is the
   * wall-clock time of the punctuation. Inline computations are published at once.
   */
  void computeDirty(long now) {
    List<String> groups = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = dirty.all()) {
      it.forEachRemaining(kv -> groups.add(kv.key));
    }
    for (String group : groups) {
      if (jobs.isRunning(group)) {
        continue;
      }
      Map<String, ModelProfile> current = MemberEntries.of(members, group);
      if (current.isEmpty()) {
        dirty.delete(group);
        if (last.get(group) != null) {
          last.delete(group);
          listener.published(kind, group, null);
          context.forward(new Record<>(group, null, now));
        }
        continue;
      }
      GroupMembers snapshot = new GroupMembers(current);
      jobs.submit(group, changes.getOrDefault(group, 0L),
          () -> Timed.of(() -> diagnose.apply(group, snapshot)));
    }
    publishFinished(now);
  }

  /** Publishes every finished computation whose diagnosis differs from the last published. */
  void publishFinished(long now) {
    for (RunningJobs.Done<Long, Timed<Diagnosed<D>>> done : jobs.takeFinished()) {
      String group = done.key();
      if (changes.getOrDefault(group, 0L).equals(done.input())) {
        dirty.delete(group);
      }
      listener.computed(kind, group, done.result().nanos());
      Diagnosed<D> d = done.result().value();
      if (!Objects.equals(last.get(group), d.diagnosis())) {
        last.put(group, d.diagnosis());
        listener.published(kind, group, d.diagnosis());
        context.forward(new Record<>(group, d, now));
      }
    }
  }

  @Override
  public void close() {
    jobs.cancelAll();
  }
}
