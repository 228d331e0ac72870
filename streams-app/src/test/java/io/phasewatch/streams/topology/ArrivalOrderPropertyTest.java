package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.topology.EpochReleases.Release;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md: "the final result never depends on arrival order". One input set (the METHOD.md
 * §1.4 paper panel and twelve Epoch releases, models and scores), fed in random orders: the final
 * family, panel and frontier diagnoses are the same every time, and are what core.diagnosis
 * computes directly on the set.
 */
class ArrivalOrderPropertyTest {
  private static final String COHORT = "epoch";
  private static final List<Object> INPUTS = inputs();
  private static final Expected EXPECTED = expected();

  record Expected(Map<String, FamilyDiagnosis> families, PanelDiagnosis panel,
      FrontierDiagnosis frontier) {}

  private static List<Release> releases() {
    return EpochReleases.of("epoch_hub_2026-04").subList(0, 12);
  }

  private static List<Object> inputs() {
    List<Object> all = new ArrayList<>();
    all.addAll(PaperPanel.models());
    all.addAll(PaperPanel.scores());
    for (Release r : releases()) {
      all.add(TopologyFixture.release(r.model(), r.lab(), r.date(), COHORT));
      all.add(TopologyFixture.score("epoch", r.model(), "swe_bench_verified", r.swe()));
      all.add(TopologyFixture.score("epoch", r.model(), "gpqa_diamond", r.gpqa()));
    }
    return List.copyOf(all);
  }

  private static Expected expected() {
    DiagnosisConfig config =
        DiagnosisConfig.defaults().withBootstrap(1000, PhasewatchTopology.SEED);
    Map<String, List<BaseModelPoint>> byFamily = PaperPanel.points().stream()
        .collect(Collectors.groupingBy(BaseModelPoint::family, TreeMap::new, Collectors.toList()));
    Map<String, FamilyDiagnosis> families = new TreeMap<>();
    byFamily.forEach((family, pts) -> families.put(family, Diagnoses.family(family, pts, config)));
    List<FrontierRelease> rel = releases().stream()
        .map(r -> new FrontierRelease(r.model(), r.lab(), Optional.of(r.date()), r.swe(), r.gpqa(),
            Map.of()))
        .toList();
    return new Expected(families, Diagnoses.panel("base", PaperPanel.points(), config),
        Diagnoses.frontier(COHORT, rel, config));
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  /** One random arrival order per seed; a failing seed names and reproduces its order. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void finalDiagnosesDoNotDependOnArrivalOrder(long seed) {
    List<Object> order = new ArrayList<>(INPUTS);
    Collections.shuffle(order, new Random(new SplittableRandom(seed).nextLong()));
    try (TopologyFixture f = new TopologyFixture()) {
      for (Object o : order) {
        if (o instanceof ModelRecord m) {
          f.send(m);
        } else {
          f.send((ScoreRecord) o);
        }
      }
      f.tick();
      assertThat(f.familyOut.readKeyValuesToMap()).isEqualTo(EXPECTED.families());
      assertThat(f.panelOut.readKeyValuesToMap()).isEqualTo(Map.of("base", EXPECTED.panel()));
      assertThat(f.frontierOut.readKeyValuesToMap())
          .isEqualTo(Map.of(COHORT, EXPECTED.frontier()));
    }
  }
}
