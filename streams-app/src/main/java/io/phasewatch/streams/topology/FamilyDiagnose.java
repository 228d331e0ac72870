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
 * the family on each change of its members ({@link Diagnoses#family}) and forwards the diagnosis
 * when it differs from the last one forwarded; a re-published score produces nothing.
 *
 * <p>The one expensive part, the family's bootstrap N_c (about 2 ms for 10 models, linear in
 * models; a family of unknowns can hold thousands), is bounded like a panel's: it is kept with
 * what it was computed from ({@code ncStore}) and reused while the family's sizes and B2 stay the
 * same (a HellaSwag correction, an extra axis, a metadata change), so such a change is published
 * at once. When they changed, the family is marked in {@code pendingStore} and a wall-clock
 * punctuator bootstraps it at most once per {@code interval}, then publishes. The stores are
 * changelogged, so the state after the last punctuation is exactly that of all inputs.
 */
final class FamilyDiagnose
    implements Processor<String, MemberUpdate, String, Diagnosed<FamilyDiagnosis>> {
  private final String membersStoreName;
  private final String lastStoreName;
  private final String ncStoreName;
  private final String pendingStoreName;
  private final Duration interval;
  private final Points points;
  private final DiagnosisConfig config;
  private final TopologyListener listener;
  private ProcessorContext<String, Diagnosed<FamilyDiagnosis>> context;
  private KeyValueStore<String, ModelProfile> members;
  private KeyValueStore<String, FamilyDiagnosis> last;
  private KeyValueStore<String, FamilyNc> ncs;
  private KeyValueStore<String, Long> pending;

  FamilyDiagnose(String membersStoreName, String lastStoreName, String ncStoreName,
      String pendingStoreName, Duration interval, Points points, DiagnosisConfig config,
      TopologyListener listener) {
    this.membersStoreName = membersStoreName;
    this.lastStoreName = lastStoreName;
    this.ncStoreName = ncStoreName;
    this.pendingStoreName = pendingStoreName;
    this.interval = interval;
    this.points = points;
    this.config = config;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, Diagnosed<FamilyDiagnosis>> context) {
    this.context = context;
    this.members = context.getStateStore(membersStoreName);
    this.last = context.getStateStore(lastStoreName);
    this.ncs = context.getStateStore(ncStoreName);
    this.pending = context.getStateStore(pendingStoreName);
    context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::bootstrapPending);
  }

  @Override
  public void process(Record<String, MemberUpdate> record) {
    String family = record.key();
    if (!MemberEntries.apply(members, family, record.value())) {
      return;
    }
    Map<String, ModelProfile> current = MemberEntries.of(members, family);
    if (current.isEmpty()) {
      pending.delete(family);
      ncs.delete(family);
      if (last.get(family) != null) {
        last.delete(family);
        listener.published(DiagnosisKind.FAMILY, family, null);
        context.forward(new Record<>(family, null, record.timestamp()));
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
      publish(family, now, pts, known.outcome(), record.timestamp());
    } else if (sizes < config.familyMinSizes()) {
      // no bootstrap to run: undefined below the minimum sizes, at no cost
      pending.delete(family);
      Outcome<PanelDiagnosis.NcBootstrap> nc = Diagnoses.familyNc(pts, config);
      ncs.put(family, FamilyNc.of(inputs, nc));
      publish(family, now, pts, nc, record.timestamp());
    } else if (pending.get(family) == null) {
      pending.put(family, record.timestamp());
    }
  }

  /** Bootstraps every family waiting for one; {@code now} is the punctuation's wall-clock time. */
  void bootstrapPending(long now) {
    List<String> waiting = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = pending.all()) {
      it.forEachRemaining(kv -> waiting.add(kv.key));
    }
    for (String family : waiting) {
      pending.delete(family);
      FamilyMembers current = new FamilyMembers(MemberEntries.of(members, family));
      List<BaseModelPoint> pts = pointsOf(current);
      Outcome<PanelDiagnosis.NcBootstrap> nc = Diagnoses.familyNc(pts, config);
      ncs.put(family, FamilyNc.of(Diagnoses.familyNcInputs(pts), nc));
      publish(family, current, pts, nc, now);
    }
  }

  private void publish(String family, FamilyMembers members, List<BaseModelPoint> pts,
      Outcome<PanelDiagnosis.NcBootstrap> nc, long timestamp) {
    long start = System.nanoTime();
    FamilyDiagnosis d = Diagnoses.family(family, pts, config, nc);
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
