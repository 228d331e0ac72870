package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.TopologyFixture.base;
import static io.phasewatch.streams.topology.TopologyFixture.score;
import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertKind;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.SubjectType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * METHOD.md §2 for a family's own N_c on the TopologyTestDriver: the family's bootstrap (the
 * §1.4 per-family estimate, 4 sizes up) drives NC_SHIFT, which fires once when a new estimate
 * leaves the previous estimate's 95% CI and not for a move inside it; and SCALE_ANOMALY is judged
 * again when the reference panel's N_c moves while the family stays as it was.
 *
 * <p>The families are valleys B2 = 4·(x − x0)² + 35 + a fixed wobble over seven sizes from 0.1B
 * to 100B (x = 8 … 11), so the vertex N_c = 10^x0 / 10⁹: x0 = 9.5 is 3.2B, x0 = 8.6 is 0.40B.
 */
class FamilyNcShiftTest {
  private static final double[] SIZES = {0.1, 0.3, 1, 3, 10, 30, 100};
  private static final double[] WOBBLE = {0.4, -0.3, 0.2, -0.5, 0.3, -0.2, 0.1};

  private static String model(String family, int i) {
    return family + "-" + SIZES[i] + "b";
  }

  private static double valley(int i, double x0) {
    double x = Math.log10(SIZES[i] * 1e9);
    return 4 * (x - x0) * (x - x0) + 35 + WOBBLE[i];
  }

  private static void sendValley(TopologyFixture f, String family, double x0) {
    for (int i = 0; i < SIZES.length; i++) {
      f.send(base(model(family, i), family, SIZES[i]));
      f.send(score("primary", model(family, i), "hellaswag", 30 + 8 * i));
      f.send(score("primary", model(family, i), "truthfulqa", valley(i, x0)));
    }
  }

  /** The alerts of {@code kind} about family {@code family} or one of its models. */
  private static List<AlertEvent> ofKind(TopologyFixture f, AlertKind kind, String family) {
    return f.alertsOut.readValuesToList().stream().filter(e -> e.kind() == kind)
        .filter(e -> e.subjectType() == SubjectType.FAMILY ? e.subject().equals(family)
            : e.subject().startsWith(family + "-"))
        .toList();
  }

  private static FamilyDiagnosis family(TopologyFixture f, String family) {
    return f.driver.<String, FamilyDiagnosis>getKeyValueStore(Names.FAMILY_DIAGNOSIS_STORE)
        .get(family);
  }

  @Test
  void ncShiftFiresOnceWhenTheFamilysEstimateLeavesThePreviousCiAndNotForAMoveInsideIt() {
    try (TopologyFixture f = new TopologyFixture()) {
      sendValley(f, "v", 9.5);
      f.tick();
      PanelDiagnosis.NcBootstrap first = family(f, "v").nc().orElseThrow();
      assertThat(first.medianB()).isBetween(2.0, 5.0);
      assertThat(ofKind(f, AlertKind.NC_SHIFT, "v")).isEmpty();

      // a 0.05 pp correction of one model: a new estimate, inside the previous CI
      f.send(score("primary", model("v", 4), "truthfulqa", valley(4, 9.5) + 0.05));
      f.tick();
      PanelDiagnosis.NcBootstrap second = family(f, "v").nc().orElseThrow();
      assertThat(second).isNotEqualTo(first);
      assertThat(second.medianB()).isBetween(first.ci95B().lo(), first.ci95B().hi());
      assertThat(ofKind(f, AlertKind.NC_SHIFT, "v")).isEmpty();

      // a recipe that moves the valley to 0.4B: outside the previous CI
      for (int i = 0; i < SIZES.length; i++) {
        f.send(score("primary", model("v", i), "truthfulqa", valley(i, 8.6)));
      }
      f.tick();
      PanelDiagnosis.NcBootstrap third = family(f, "v").nc().orElseThrow();
      assertThat(third.medianB()).isLessThan(second.ci95B().lo());
      List<AlertEvent> shifts = ofKind(f, AlertKind.NC_SHIFT, "v");
      assertThat(shifts).singleElement().satisfies(e -> {
        assertThat(e.state()).isEqualTo(AlertState.FIRED);
        assertThat(e.subject()).isEqualTo("v");
        assertThat(e.evidence().values()).containsEntry("nc_median_b", third.medianB())
            .containsEntry("nc_previous_median_b", second.medianB())
            .containsEntry("nc_previous_lo95_b", second.ci95B().lo());
        assertThat(e.evidence().n()).hasValue(7);
      });

      // the same values again, and a HellaSwag change: the estimate is the same, nothing fires
      f.send(score("primary", model("v", 0), "truthfulqa", valley(0, 8.6)));
      f.send(score("primary", model("v", 0), "hellaswag", 31));
      f.tick();
      assertThat(ofKind(f, AlertKind.NC_SHIFT, "v")).isEmpty();
    }
  }

  @Test
  void aFamilyIsJudgedAgainWhenTheReferencePanelsNcMoves() {
    try (TopologyFixture f = new TopologyFixture(Map.of("panels", "ref",
        "panel.ref.families", "ref-fam", "reference.panel", "ref"))) {
      sendValley(f, "ref-fam", 11.3); // N_c near 200B
      double[][] fam = {{20, 60, 40}, {40, 70, 38}, {80, 80, 36}}; // γ12 −0.2, −0.2: tax
      for (double[] m : fam) {
        String id = "fam-" + (int) m[0] + "b";
        f.send(base(id, "fam", m[0]));
        f.send(score("primary", id, "hellaswag", m[1]));
        f.send(score("primary", id, "truthfulqa", m[2]));
      }
      f.tick();
      f.tick();
      PanelDiagnosis.NcBootstrap before = f.panelOut.readKeyValuesToMap().get("ref").nc()
          .orElseThrow();
      assertThat(before.ci95B().lo()).isGreaterThan(80);
      // below the pooled N_c and in tax: as the scale predicts
      assertThat(ofKind(f, AlertKind.SCALE_ANOMALY, "fam")).isEmpty();
      f.familyOut.readValuesToList();

      sendValley(f, "ref-fam", 9.3); // the reference N_c moves to about 2B
      f.tick();
      f.tick();
      PanelDiagnosis.NcBootstrap after = f.panelOut.readKeyValuesToMap().get("ref").nc()
          .orElseThrow();
      assertThat(after.ci95B().hi()).isLessThan(20);
      assertThat(f.familyOut.readKeyValuesToMap()).doesNotContainKey("fam");
      List<AlertEvent> anomalies = ofKind(f, AlertKind.SCALE_ANOMALY, "fam");
      assertThat(anomalies).extracting(AlertEvent::subject)
          .containsExactlyInAnyOrder("fam-40b", "fam-80b");
      assertThat(anomalies).allSatisfy(e -> {
        assertThat(e.state()).isEqualTo(AlertState.FIRED);
        assertThat(e.evidence().ci()).hasValueSatisfying(ci -> {
          assertThat(ci.lo()).isEqualTo(after.ci95B().lo());
          assertThat(ci.hi()).isEqualTo(after.ci95B().hi());
        });
        assertThat(e.evidence().values()).containsKey("h_residual");
      });
    }
  }
}
