package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Severity;
import io.phasewatch.streams.topology.EpochReleases.Release;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * METHOD.md §3.5 on real data: Epoch AI's own SWE-bench Verified and GPQA Diamond runs (two
 * snapshots, whose SWE-bench harness differs), releases arriving in release-date order. The
 * rolling r of the latest 10 releases, computed here with a separate Pearson, goes 0.845, 0.501,
 * 0.556, 0.165, 0.224, 0.224, 0.504, 0.589, 0.591, 0.202, 0.144 on the 2026-04 snapshot as
 * releases 10…20 arrive: decayed and broken at the 13th, broken clears (r ≥ 0.3 + 0.05) at the
 * 16th, decayed clears (r ≥ 0.5 + 0.05) at the 17th, both fire again at the 19th.
 */
class FrontierDecayTest {
  private static final List<AlertKind> DECAY = List.of(AlertKind.FRONTIER_COUPLING_DECAY,
      AlertKind.FRONTIER_COUPLING_BROKEN);

  private static void publish(TopologyFixture f, Release r, String cohort) {
    f.send(TopologyFixture.release(r.model(), r.lab(), r.date(), cohort));
    f.send(TopologyFixture.score("epoch", r.model(), "swe_bench_verified", r.swe()));
    f.send(TopologyFixture.score("epoch", r.model(), "gpqa_diamond", r.gpqa()));
  }

  private static String describe(AlertEvent e) {
    return e.kind().name() + " " + e.state().id();
  }

  @Test
  void rollingRThroughTheDecayThresholdsFiresAndResolvesAsReleasesArrive() {
    List<Release> releases = EpochReleases.of("epoch_hub_2026-04");
    assertThat(releases).hasSize(20);
    Map<Integer, List<String>> alertsByStep = new LinkedHashMap<>();
    Map<Integer, Double> rByStep = new LinkedHashMap<>();
    try (TopologyFixture f = new TopologyFixture()) {
      for (int i = 0; i < releases.size(); i++) {
        publish(f, releases.get(i), "epoch-2026-04");
        f.tick();
        int step = i + 1;
        List<AlertEvent> decay = f.alertsOut.readValuesToList().stream()
            .filter(e -> DECAY.contains(e.kind())).toList();
        if (!decay.isEmpty()) {
          alertsByStep.put(step, decay.stream().map(FrontierDecayTest::describe).sorted().toList());
          decay.forEach(e -> rByStep.put(step, e.evidence().values().get("r_rolling")));
        }
      }
    }
    assertThat(alertsByStep).containsExactly(
        Map.entry(13, List.of("FRONTIER_COUPLING_BROKEN fired", "FRONTIER_COUPLING_DECAY fired")),
        Map.entry(16, List.of("FRONTIER_COUPLING_BROKEN resolved")),
        Map.entry(17, List.of("FRONTIER_COUPLING_DECAY resolved")),
        Map.entry(19, List.of("FRONTIER_COUPLING_BROKEN fired", "FRONTIER_COUPLING_DECAY fired")));
    for (Map.Entry<Integer, Double> e : rByStep.entrySet()) {
      int step = e.getKey();
      double expected = EpochReleases.pearson(releases.subList(step - 10, step));
      assertThat(e.getValue()).as("rolling r at release %d", step)
          .isCloseTo(expected, within(1e-9));
    }
    assertThat(rByStep.get(13)).isCloseTo(0.165, within(0.0005));
  }

  @Test
  void theOldHarnessSnapshotAsOneBackfillBreaksCouplingWithOneComputation() {
    List<Release> releases = EpochReleases.of("epoch_hub_2026-01");
    try (TopologyFixture f = new TopologyFixture()) {
      releases.forEach(r -> publish(f, r, "epoch-2026-01"));
      f.tick();
      assertThat(f.listener.computations(DiagnosisKind.FRONTIER)).isEqualTo(1);
      List<AlertEvent> decay = new ArrayList<>(f.alertsOut.readValuesToList().stream()
          .filter(e -> DECAY.contains(e.kind())).toList());
      assertThat(decay).extracting(AlertEvent::kind, AlertEvent::severity)
          .containsExactlyInAnyOrder(
              tuple(AlertKind.FRONTIER_COUPLING_DECAY,
                  Severity.WARNING),
              tuple(AlertKind.FRONTIER_COUPLING_BROKEN,
                  Severity.CRITICAL));
      double expected = EpochReleases.pearson(releases.subList(10, 20));
      assertThat(expected).isCloseTo(-0.082, within(0.0005));
      assertThat(decay).allSatisfy(e -> {
        assertThat(e.state()).isEqualTo(AlertState.FIRED);
        assertThat(e.subject()).isEqualTo("epoch-2026-01");
        assertThat(e.evidence().values().get("r_rolling")).isCloseTo(expected, within(1e-9));
        assertThat(e.evidence().n()).hasValue(10);
        assertThat(e.evidence().window()).hasValueSatisfying(w -> {
          assertThat(w.from()).isEqualTo(releases.get(10).date());
          assertThat(w.to()).isEqualTo(releases.get(19).date());
        });
        assertThat(e.evidence().contributingModels()).hasSize(10)
            .allSatisfy(c -> assertThat(c.sources()).containsEntry("swe_bench_verified", "epoch"));
      });
    }
  }
}
