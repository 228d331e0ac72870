package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.Names.ALERTS_LOG;
import static io.phasewatch.streams.topology.Names.ALERTS_LOG_STORE;
import static io.phasewatch.streams.topology.Names.ALERTS_MERGE_FRONTIER;
import static io.phasewatch.streams.topology.Names.ALERTS_MERGE_PANEL;
import static io.phasewatch.streams.topology.Names.ALERTS_SINK;
import static io.phasewatch.streams.topology.Names.FAMILY_ANNOUNCED_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_DETECTOR;
import static io.phasewatch.streams.topology.Names.FAMILY_DIAGNOSIS_STORE;
import static io.phasewatch.streams.topology.Names.FAMILY_MEMBERS_STORE;
import static io.phasewatch.streams.topology.Names.FRONTIER_ANNOUNCED_STORE;
import static io.phasewatch.streams.topology.Names.FRONTIER_DETECTOR;
import static io.phasewatch.streams.topology.Names.PANEL_ANNOUNCED_STORE;
import static io.phasewatch.streams.topology.Names.PANEL_DETECTOR;
import static io.phasewatch.streams.topology.Names.PANEL_REFERENCE_SOURCE;
import static io.phasewatch.streams.topology.Names.PANEL_REFERENCE_STORE;

import io.phasewatch.core.detect.Announcements;
import io.phasewatch.core.detect.DetectorConfig;
import io.phasewatch.core.detect.Evaluation;
import io.phasewatch.core.detect.FamilyRules;
import io.phasewatch.core.detect.FrontierRules;
import io.phasewatch.core.detect.Observations;
import io.phasewatch.core.detect.PanelRules;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.diagnosis.PanelReference;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.Diagnosed;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Stage 5: the phase-change detector on each of the three diagnosis streams, with its own store of
 * what it last announced per family, panel and cohort → {@code phasewatch.alerts.v1}, keyed by
 * subject; and a log of every alert for {@code /api/alerts}. Families are judged against the
 * reference panel's pooled N_c, read from a global table of the panel-diagnosis topic (a panel
 * and a family live on different partitions) at a wall-clock check every second at most; when
 * the reference panel's N_c or fit moved, every family is judged again.
 */
final class DetectorStage {
  /**
   * Families judged again per punctuation (every 20 ms) after the reference panel moved: each
   * reads its diagnosis and members from the stores (about 0.3 ms), and a task holds thousands
   * after a large backfill; 32 adds about 10 ms per task to a pass of the stream thread.
   */
  static final int REJUDGE_AT_ONCE = 32;

  private DetectorStage() {}

  static KStream<String, AlertEvent> alerts(Wiring w,
      KStream<String, Diagnosed<FamilyDiagnosis>> families,
      KStream<String, Diagnosed<PanelDiagnosis>> panels,
      KStream<String, Diagnosed<FrontierDiagnosis>> cohorts) {
    DetectorConfig config = w.settings().detector();
    String reference = w.settings().referencePanel();
    TopologyListener listener = w.listener();

    // each panel diagnosis read as the reference a family needs (N_c, fit), not its models: the
    // detector reads it every second in every task, and a pooled panel's models are megabytes
    w.builder().globalTable(w.topics().panelDiagnosis().name(),
        Consumed.with(Serdes.String(), JsonSerde.of(PanelReference.class))
            .withName(PANEL_REFERENCE_SOURCE),
        Materialized.<String, PanelReference, KeyValueStore<Bytes, byte[]>>as(
                PANEL_REFERENCE_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(PanelReference.class)));

    for (String store : new String[] {FAMILY_ANNOUNCED_STORE, PANEL_ANNOUNCED_STORE,
        FRONTIER_ANNOUNCED_STORE}) {
      w.addStore(store, JsonSerde.internal(Announcements.class));
    }

    // how often the reference panel is read again: it is recomputed at most once per interval, and
    // one read of a panel of thousands of models costs milliseconds
    Duration recheck = Collections.min(List.of(w.settings().recomputeInterval(),
        Duration.ofSeconds(1)));
    KStream<String, AlertEvent> familyAlerts = families.process(
        () -> new Detector<FamilyDiagnosis>(FAMILY_ANNOUNCED_STORE, listener) {
          private TimestampedKeyValueStore<String, PanelReference> panelsByName;
          /** FamilyDiagnose's stores: what each family was last published as, its members. */
          private KeyValueStore<String, FamilyDiagnosis> published;
          private KeyValueStore<String, ModelProfile> members;
          /** The reference N_c and fit the families were last judged against; null at start. */
          private List<Object> judgedAgainst;
          /**
           * The reference panel as read at start and at each check (every second at most). Not
           * read per family change: a pooled panel of thousands of models is megabytes of JSON
           * (reading it per change was 15% of a TopologyTestDriver backfill's time).
           */
          private Optional<PanelReference> current = Optional.empty();
          /**
           * Families still to be judged again against the reference that moved, {@link
           * #REJUDGE_AT_ONCE} per punctuation: judging every family of a task at once (thousands
           * after a backfill, each read from its stores) stalled the stream thread for seconds.
           */
          private final Deque<String> toRejudge = new ArrayDeque<>();

          @Override
          void initLookups(ProcessorContext<String, AlertEvent> context) {
            panelsByName = context.getStateStore(PANEL_REFERENCE_STORE);
            published = context.getStateStore(FAMILY_DIAGNOSIS_STORE);
            members = context.getStateStore(FAMILY_MEMBERS_STORE);
            current = reference();
            context.schedule(recheck, PunctuationType.WALL_CLOCK_TIME,
                this::rejudgeOnReferenceMove);
            context.schedule(ChangedKeys.PUBLISH_EVERY, PunctuationType.WALL_CLOCK_TIME,
                this::rejudgeSome);
          }

          @Override
          Evaluation evaluate(String family, Diagnosed<FamilyDiagnosis> d, Announcements prev) {
            return FamilyRules.evaluate(Observations.family(d.diagnosis(), d.sources(), current),
                prev, config);
          }

          private Optional<PanelReference> reference() {
            ValueAndTimestamp<PanelReference> ref = panelsByName.get(reference);
            return Optional.ofNullable(ref == null ? null : ref.value());
          }

          /**
           * SCALE_ANOMALY reads the reference panel's N_c CI and fit: when they move, every family
           * of this task is judged again (cheap: no statistic is recomputed), so a family that did
           * not change is not left judged against an old N_c.
           */
          private void rejudgeOnReferenceMove(long now) {
            current = reference();
            List<Object> against = List.of(current.flatMap(PanelReference::nc),
                current.flatMap(PanelReference::quadratic));
            if (against.equals(judgedAgainst)) {
              return;
            }
            judgedAgainst = against;
            toRejudge.clear();
            try (KeyValueIterator<String, FamilyDiagnosis> it = published.all()) {
              it.forEachRemaining(kv -> toRejudge.add(kv.key));
            }
            rejudgeSome(now);
          }

          /** Judges the next {@link #REJUDGE_AT_ONCE} families waiting, as last published. */
          private void rejudgeSome(long now) {
            for (int i = 0; i < REJUDGE_AT_ONCE && !toRejudge.isEmpty(); i++) {
              String family = toRejudge.poll();
              FamilyDiagnosis last = published.get(family);
              if (last != null) {
                judge(family, new Diagnosed<>(last, w.points().sources(
                    MemberEntries.of(members, family).values())), now);
              }
            }
          }
        }, Named.as(FAMILY_DETECTOR), FAMILY_ANNOUNCED_STORE, FAMILY_DIAGNOSIS_STORE,
        FAMILY_MEMBERS_STORE);

    KStream<String, AlertEvent> panelAlerts = panels.process(
        () -> new Detector<PanelDiagnosis>(PANEL_ANNOUNCED_STORE, listener) {
          @Override
          Evaluation evaluate(String panel, Diagnosed<PanelDiagnosis> d, Announcements prev) {
            return PanelRules.evaluate(Observations.panel(d.diagnosis(), d.sources()), prev,
                config);
          }
        }, Named.as(PANEL_DETECTOR), PANEL_ANNOUNCED_STORE);

    KStream<String, AlertEvent> cohortAlerts = cohorts.process(
        () -> new Detector<FrontierDiagnosis>(FRONTIER_ANNOUNCED_STORE, listener) {
          @Override
          Evaluation evaluate(String cohort, Diagnosed<FrontierDiagnosis> d, Announcements prev) {
            return FrontierRules.evaluate(Observations.frontier(d.diagnosis(), d.sources()),
                config);
          }
        }, Named.as(FRONTIER_DETECTOR), FRONTIER_ANNOUNCED_STORE);

    KStream<String, AlertEvent> all = familyAlerts
        .merge(panelAlerts, Named.as(ALERTS_MERGE_PANEL))
        .merge(cohortAlerts, Named.as(ALERTS_MERGE_FRONTIER));
    all.to(w.topics().alerts().name(), w.topics().alerts().producedAs(ALERTS_SINK));

    w.addStore(ALERTS_LOG_STORE, JsonSerde.internal(AlertEvent.class));
    all.process(() -> new AlertLog(ALERTS_LOG_STORE), Named.as(ALERTS_LOG), ALERTS_LOG_STORE);
    return all;
  }
}
