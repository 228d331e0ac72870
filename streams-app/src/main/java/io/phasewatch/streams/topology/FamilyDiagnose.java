package io.phasewatch.streams.topology;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.stats.Outcome;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.FamilyMembers;
import io.phasewatch.streams.state.FamilyNc;
import io.phasewatch.streams.state.MemberUpdate;
import io.phasewatch.streams.state.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each family's members (one entry per family and model, {@link MemberEntries}), diagnoses
 * each family whose members changed ({@link Diagnoses#family}) and forwards the diagnosis when it
 * differs from the last one forwarded; a re-published score produces nothing. Changed families
 * are diagnosed by a punctuator ({@link ChangedKeys}, kept in {@code changedStore} too): a live
 * score within {@link ChangedKeys#PUBLISH_EVERY}, while the changes of a backfill wait until the
 * task has caught up or for one {@code interval}, so that a family whose models arrive over the
 * whole backfill is diagnosed about once instead of once per model.
 *
 * <p>The one expensive part, the family's bootstrap N_c (about 2 ms for 10 models, linear in
 * models; a family of unknowns can hold thousands), is bounded like a panel's: it is kept with
 * what it was computed from ({@code ncStore}) and reused while the family's sizes and B2 stay the
 * same. When they changed, the diagnosis is still published at once, every other statistic of it
 * current (a family crossing N_c is a γ12 sign, not a bootstrap), with the last bootstrap and
 * {@code nc_pending}; the family is marked in {@code pendingStore}, a wall-clock punctuator
 * starts its bootstrap at most once per {@code interval} ({@link Computations}, off the stream
 * thread), and the finished bootstrap is published when the family has not changed since. A
 * family of more than {@link #IMMEDIATE_MAX_MODELS} models (ingest's {@code unknown} family can
 * hold thousands) is diagnosed only then, like a panel, so that no single score costs work in
 * proportion to thousands of models. The stores are changelogged, so the state after the last
 * punctuation is exactly that of all inputs.
 */
final class FamilyDiagnose
    implements Processor<String, MemberUpdate, String, Diagnosed<FamilyDiagnosis>> {
  /** Why N_c is undefined while pending, when the family had no estimate before. */
  static final String BOOTSTRAP_PENDING = "bootstrap pending: the family's sizes or B2 changed,"
      + " and it runs at most once per recompute interval";

  /** The largest family diagnosed on every change of its members; larger ones wait. */
  static final int IMMEDIATE_MAX_MODELS = 256;

  private final String membersStoreName;
  private final String changedStoreName;
  private final String lastStoreName;
  private final String ncStoreName;
  private final String pendingStoreName;
  private final Duration interval;
  private final Points points;
  private final DiagnosisConfig config;
  private final TopologyListener listener;
  private final RunningJobs<List<Diagnoses.NcInput>, Outcome<PanelDiagnosis.NcBootstrap>> jobs;
  private ProcessorContext<String, Diagnosed<FamilyDiagnosis>> context;
  /** Members, last diagnosis and bootstrap of up to {@link Memo#KEYS_KEPT} families, parsed. */
  private final MemberTable<ModelProfile> members = new MemberTable<>(Memo.KEYS_KEPT);

  private final Memo<FamilyDiagnosis> last = new Memo<>(Memo.KEYS_KEPT);
  private final Memo<FamilyNc> ncs = new Memo<>(Memo.KEYS_KEPT);
  private KeyValueStore<String, Long> pending;
  /** Families changed since last published; the latest change's timestamp stamps the diagnosis. */
  private final ChangedKeys changed = new ChangedKeys();

  FamilyDiagnose(String membersStoreName, String changedStoreName, String lastStoreName,
      String ncStoreName, String pendingStoreName, Duration interval, Points points,
      DiagnosisConfig config, TopologyListener listener, Computations computations) {
    this.membersStoreName = membersStoreName;
    this.changedStoreName = changedStoreName;
    this.lastStoreName = lastStoreName;
    this.ncStoreName = ncStoreName;
    this.pendingStoreName = pendingStoreName;
    this.interval = interval;
    this.points = points;
    this.config = config;
    this.listener = listener;
    this.jobs = new RunningJobs<>(computations);
  }

  @Override
  public void init(ProcessorContext<String, Diagnosed<FamilyDiagnosis>> context) {
    this.context = context;
    this.members.attach(context.getStateStore(membersStoreName));
    this.last.attach(context.getStateStore(lastStoreName));
    this.ncs.attach(context.getStateStore(ncStoreName));
    this.pending = context.getStateStore(pendingStoreName);
    this.changed.attach(context.getStateStore(changedStoreName));
    context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::bootstrapPending);
    context.schedule(ChangedKeys.PUBLISH_EVERY, PunctuationType.WALL_CLOCK_TIME, this::publish);
  }

  @Override
  public void process(Record<String, MemberUpdate> record) {
    String family = record.key();
    MemberUpdate update = record.value();
    if (members.apply(family, update.model(), update.profile().orElse(null))) {
      changed.mark(family, record.timestamp(), context.currentSystemTimeMs());
    }
  }

  /** Publishes every changed family due, then every finished bootstrap; {@code now}: wall clock. */
  void publish(long now) {
    changed.drainDue(now, interval, this::diagnose);
    publishFinished(now);
  }

  /** Diagnoses {@code family} after a change of its members, stamped {@code timestamp}. */
  private void diagnose(String family, long timestamp) {
    Map<String, ModelProfile> current = members.of(family);
    if (current.isEmpty()) {
      pending.delete(family);
      ncs.delete(family);
      if (last.get(family) != null) {
        last.delete(family);
        listener.published(DiagnosisKind.FAMILY, family, null);
        context.forward(new Record<>(family, null, timestamp));
      }
      return;
    }
    FamilyMembers now = new FamilyMembers(current);
    List<BaseModelPoint> pts = pointsOf(now);
    List<Diagnoses.NcInput> inputs = Diagnoses.familyNcInputs(pts);
    FamilyNc known = ncs.get(family);
    long sizes = pts.stream().mapToDouble(BaseModelPoint::paramsB).distinct().count();
    if (known != null && known.inputs().equals(inputs)) {
      pending.delete(family);
      publish(family, now, pts, known.outcome(), false, timestamp);
    } else if (sizes < config.familyMinSizes()) {
      // no bootstrap to run: undefined below the minimum sizes, at no cost
      pending.delete(family);
      Outcome<PanelDiagnosis.NcBootstrap> nc = Diagnoses.familyNc(pts, config);
      ncs.put(family, FamilyNc.of(inputs, nc));
      publish(family, now, pts, nc, false, timestamp);
    } else {
      if (pending.get(family) == null) {
        pending.put(family, timestamp);
      }
      if (current.size() > IMMEDIATE_MAX_MODELS) {
        return;
      }
      publish(family, now, pts,
          known != null && known.nc().isPresent() ? known.outcome()
              : Outcome.undefined(BOOTSTRAP_PENDING), true,
          timestamp);
    }
  }

  /**
   * Starts the bootstrap of every family waiting for one and not already bootstrapping, on a
   * snapshot of its models; {@code now} is the punctuation's wall-clock time.
   */
  void bootstrapPending(long now) {
    List<String> waiting = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = pending.all()) {
      it.forEachRemaining(kv -> waiting.add(kv.key));
    }
    for (String family : waiting) {
      if (jobs.isRunning(family)) {
        continue;
      }
      List<BaseModelPoint> pts = pointsOf(new FamilyMembers(members.of(family)));
      jobs.submit(family, Diagnoses.familyNcInputs(pts), () -> Diagnoses.familyNc(pts, config));
    }
    publishFinished(now);
  }

  /**
   * Keeps every finished bootstrap, and publishes the diagnosis with it for each family whose
   * sizes and B2 are still those it was computed from (otherwise the family stays pending).
   */
  void publishFinished(long now) {
    for (RunningJobs.Done<List<Diagnoses.NcInput>, Outcome<PanelDiagnosis.NcBootstrap>> done
        : jobs.takeFinished()) {
      String family = done.key();
      FamilyMembers current = new FamilyMembers(members.of(family));
      if (current.members().isEmpty()) {
        continue;
      }
      ncs.put(family, FamilyNc.of(done.input(), done.result()));
      List<BaseModelPoint> pts = pointsOf(current);
      if (Diagnoses.familyNcInputs(pts).equals(done.input())) {
        pending.delete(family);
        publish(family, current, pts, done.result(), false, now);
      }
    }
  }

  @Override
  public void close() {
    jobs.cancelAll();
  }

  private void publish(String family, FamilyMembers members, List<BaseModelPoint> pts,
      Outcome<PanelDiagnosis.NcBootstrap> nc, boolean ncPending, long timestamp) {
    long start = System.nanoTime();
    FamilyDiagnosis d = Diagnoses.family(family, pts, config, nc);
    if (ncPending) {
      d = d.withNcPending();
    }
    listener.computed(DiagnosisKind.FAMILY, family, System.nanoTime() - start);
    if (!Objects.equals(last.get(family), d)) {
      last.put(family, d);
      listener.published(DiagnosisKind.FAMILY, family, d);
      context.forward(new Record<>(family,
          new Diagnosed<>(d, points.sources(members.members().values())), timestamp));
    }
  }

  private List<BaseModelPoint> pointsOf(FamilyMembers members) {
    return members.members().values().stream().map(points::basePoint)
        .flatMap(Optional::stream).toList();
  }
}
