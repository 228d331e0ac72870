package io.phasewatch.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasewatch.core.domain.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diagnoses travel on Kafka topics and the HTTP API as JSON: they must round-trip. */
class DiagnosisJsonTest {
  private static final ObjectMapper JSON = Json.mapper();

  @Test
  void familyDiagnosisRoundTripsWithNullsForUndefinedValues() throws Exception {
    FamilyDiagnosis d = Diagnoses.family("Pythia", DiagnosesTest.pythia(), DiagnosesTest.FAST);
    String text = JSON.writeValueAsString(d);
    assertThat(JSON.readValue(text, FamilyDiagnosis.class)).isEqualTo(d);

    JsonNode tree = JSON.readTree(text);
    assertThat(tree.path("schema_version").asInt()).isEqualTo(1);
    assertThat(tree.path("r_width_normalized").isNumber()).isTrue();
    assertThat(tree.path("crossing").isNull()).isTrue();
    assertThat(tree.path("nc_b").isNull()).isTrue();
    assertThat(tree.path("undefined").path("crossing").asText()).isNotBlank();
    JsonNode first = tree.path("models").get(0);
    assertThat(first.has("gamma12")).isTrue();
    assertThat(first.path("gamma12").isNull()).isTrue();
    assertThat(first.path("params_b").asDouble()).isEqualTo(0.07);
  }

  @Test
  void familyWithACrossingRoundTrips() throws Exception {
    FamilyDiagnosis d = Diagnoses.family("F", List.of(
        BaseModelPoint.of("a", "F", 1, 10, 50), BaseModelPoint.of("b", "F", 2, 20, 45),
        BaseModelPoint.of("c", "F", 3, 30, 47)), DiagnosesTest.FAST);
    String text = JSON.writeValueAsString(d);
    assertThat(JSON.readTree(text).path("crossing").path("from_model").asText()).isEqualTo("b");
    assertThat(JSON.readValue(text, FamilyDiagnosis.class)).isEqualTo(d);
  }

  @Test
  void panelDiagnosisRoundTripsWithIntervalsAsArrays() throws Exception {
    PanelDiagnosis d = Diagnoses.panel("paper", DiagnosesTest.paperPanel(), DiagnosesTest.FAST);
    String text = JSON.writeValueAsString(d);
    assertThat(JSON.readValue(text, PanelDiagnosis.class)).isEqualTo(d);
    JsonNode nc = JSON.readTree(text).path("nc");
    assertThat(nc.path("ci95_b").isArray()).isTrue();
    assertThat(nc.path("ci95_b")).hasSize(2);
    assertThat(nc.path("ci95_b").get(0).asDouble()).isEqualTo(d.nc().orElseThrow().ci95B().lo());
    assertThat(nc.path("ci68_b")).hasSize(2);
    assertThat(nc.path("median_b").isNumber()).isTrue();
  }

  @Test
  void aPanelDiagnosisReadsAsTheReferenceAFamilyIsJudgedAgainst() throws Exception {
    PanelDiagnosis d = Diagnoses.panel("paper", DiagnosesTest.paperPanel(), DiagnosesTest.FAST);
    PanelReference read = JSON.readValue(JSON.writeValueAsString(d), PanelReference.class);
    assertThat(read).isEqualTo(PanelReference.of(d));
    assertThat(read.nc()).as("the test needs an estimate").isPresent();
    assertThat(read.quadratic()).isPresent();
    assertThat(read.n()).isEqualTo(14);
    assertThat(JSON.readValue(JSON.writeValueAsString(read), PanelReference.class))
        .isEqualTo(read);
    assertThat(JSON.writeValueAsString(read)).as("its models are not carried")
        .doesNotContain("\"models\"");
  }

  @Test
  void frontierDiagnosisRoundTripsIncludingDatesAndUndatedReleases() throws Exception {
    FrontierDiagnosis d = Diagnoses.frontier("c", DiagnosesTest.cohort(), DiagnosesTest.FAST);
    String text = JSON.writeValueAsString(d);
    assertThat(JSON.readValue(text, FrontierDiagnosis.class)).isEqualTo(d);
    JsonNode tree = JSON.readTree(text);
    assertThat(tree.path("releases").get(0).path("release_date").asText()).isEqualTo("2025-01-10");
    assertThat(tree.path("releases").get(6).path("release_date").isNull()).isTrue();
    assertThat(tree.path("releases").get(0).path("pi95")).hasSize(2);
  }

  @Test
  void degenerateDiagnosesRoundTrip() throws Exception {
    FamilyDiagnosis f = Diagnoses.family("F", List.of(), DiagnosesTest.FAST);
    PanelDiagnosis p = Diagnoses.panel("p", List.of(), DiagnosesTest.FAST);
    FrontierDiagnosis c = Diagnoses.frontier("c", List.of(), DiagnosesTest.FAST);
    assertThat(JSON.readValue(JSON.writeValueAsString(f), FamilyDiagnosis.class)).isEqualTo(f);
    assertThat(JSON.readValue(JSON.writeValueAsString(p), PanelDiagnosis.class)).isEqualTo(p);
    assertThat(JSON.readValue(JSON.writeValueAsString(c), FrontierDiagnosis.class)).isEqualTo(c);
  }

  @Test
  void unknownFieldsFromANewerWriterAreIgnored() throws Exception {
    FamilyDiagnosis d = Diagnoses.family("Pythia", DiagnosesTest.pythia(), DiagnosesTest.FAST);
    String text = JSON.writeValueAsString(d).replaceFirst("\\{", "{\"added_later\":1,");
    assertThat(JSON.readValue(text, FamilyDiagnosis.class)).isEqualTo(d);
  }
}
