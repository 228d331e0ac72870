package io.phasewatch.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

  private final ObjectMapper json = Json.mapper();

  static ScoreRecord fullScore() {
    return new ScoreRecord(1, "openllm_v1", "EleutherAI/pythia-70m", "hellaswag", 27.29,
        Scale.PERCENT, Optional.of("acc_norm"), OptionalInt.of(10),
        Optional.of(Instant.parse("2023-07-19T10:15:30.123456789Z")),
        Optional.of(Instant.parse("2024-07-13T00:00:00Z")),
        Optional.of("https://huggingface.co/EleutherAI/pythia-70m"),
        Optional.of("a39f36b100fe8a5377810d56c3f4789b9c53ac42"));
  }

  static ModelRecord fullModel() {
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("params_b", "name rule: 70m");
    provenance.put("family", "curated list");
    return new ModelRecord(1, "EleutherAI/pythia-70m", "Pythia", OptionalDouble.of(0.07),
        OptionalInt.of(512), ModelKind.BASE, Optional.of("EleutherAI"),
        Optional.of(LocalDate.of(2023, 2, 13)), List.of("panel", "base"), provenance);
  }

  static ModelProfile profile() {
    return ModelProfile.of(fullModel(), Map.of(
        "hellaswag", new ResolvedScore(27.29, "openllm_v1",
            Optional.of(Instant.parse("2023-07-19T10:15:30Z"))),
        "truthfulqa", new ResolvedScore(47.64, "cape", Optional.empty())));
  }

  static AlertEvent alert() {
    Evidence evidence = Evidence.of(Map.of("gamma12_before", -0.42, "gamma12_after", 0.31,
            "nc_median_b", 3.49), 14)
        .withCi(new Evidence.Interval("nc_median_b", 0.95, 2.92, 13.40))
        .withWindow(new Evidence.Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)))
        .withContributingModels(List.of(
            new Evidence.Contributor("llama-2-70b", Map.of("hellaswag", "openllm_v1")),
            new Evidence.Contributor("llama-2-13b", Map.of("truthfulqa", "cape"))));
    return AlertEvent.create(AlertKind.FAMILY_CROSSED_NC, Severity.INFO, AlertState.FIRED,
        SubjectType.FAMILY, "Llama-2", "Llama-2 crossed N_c between 13B and 70B", evidence,
        SuggestedAction.of(SuggestedAction.Kind.CURATE_DATA, "compare the data recipes"),
        Instant.parse("2026-11-02T08:00:00Z"), Instant.parse("2024-06-15T00:00:00Z"));
  }

  private <T> T roundTrip(T value, Class<T> type) throws Exception {
    return json.readValue(json.writeValueAsString(value), type);
  }

  @Test
  void scoreRecordRoundTripsExactly() throws Exception {
    assertThat(roundTrip(fullScore(), ScoreRecord.class)).isEqualTo(fullScore());
    ScoreRecord minimal = ScoreRecord.of("epoch", "o3", "gpqa_diamond", 0.83, Scale.FRACTION);
    assertThat(roundTrip(minimal, ScoreRecord.class)).isEqualTo(minimal);
  }

  @Test
  void modelRecordRoundTripsExactly() throws Exception {
    assertThat(roundTrip(fullModel(), ModelRecord.class)).isEqualTo(fullModel());
    ModelRecord minimal = ModelRecord.of("o3", "OpenAI o-series");
    assertThat(roundTrip(minimal, ModelRecord.class)).isEqualTo(minimal);
  }

  @Test
  void modelProfileRoundTripsExactly() throws Exception {
    assertThat(roundTrip(profile(), ModelProfile.class)).isEqualTo(profile());
  }

  @Test
  void alertEventRoundTripsExactly() throws Exception {
    AlertEvent read = roundTrip(alert(), AlertEvent.class);
    assertThat(read).isEqualTo(alert());
    assertThat(read.id()).isEqualTo(AlertEvent.idFor(read.kind(), read.subjectType(),
        read.subject(), read.state(), read.evidence()));
  }

  @Test
  void scoreRecordIsWrittenWithSnakeCaseNamesAndEmptyOptionalsAsNull() throws Exception {
    JsonNode tree = json.valueToTree(ScoreRecord.of("s", "m", "hellaswag", 50.0, Scale.PERCENT));
    assertThat(tree.fieldNames()).toIterable().containsExactly("schema_version", "source",
        "model_id", "benchmark", "value", "scale", "metric", "n_shot", "evaluated_at",
        "fetched_at", "source_url", "revision", "cohorts");
    assertThat(tree.get("scale").asText()).isEqualTo("percent");
    assertThat(tree.get("cohorts").isArray() && tree.get("cohorts").isEmpty()).isTrue();
    for (String empty : List.of("metric", "n_shot", "evaluated_at", "fetched_at", "source_url",
        "revision")) {
      assertThat(tree.get(empty).isNull()).as(empty).isTrue();
    }
    JsonNode full = json.valueToTree(fullScore());
    assertThat(full.get("evaluated_at").asText()).isEqualTo("2023-07-19T10:15:30.123456789Z");
    assertThat(full.get("n_shot").asInt()).isEqualTo(10);
  }

  @Test
  void modelRecordIsWrittenWithSnakeCaseNamesAndEmptyOptionalsAsNull() throws Exception {
    JsonNode tree = json.valueToTree(ModelRecord.of("m", "f"));
    assertThat(tree.fieldNames()).toIterable().containsExactly("schema_version", "source",
        "model_id", "name", "family", "params_b", "d_model", "kind", "lab", "release_date", "cohorts",
        "provenance");
    for (String empty : List.of("source", "name", "params_b", "d_model", "lab", "release_date")) {
      assertThat(tree.get(empty).isNull()).as(empty).isTrue();
    }
    assertThat(tree.get("kind").asText()).isEqualTo("unknown");
    JsonNode full = json.valueToTree(fullModel());
    assertThat(full.get("release_date").asText()).isEqualTo("2023-02-13");
    assertThat(full.get("params_b").asDouble()).isEqualTo(0.07);
    assertThat(full.get("d_model").asInt()).isEqualTo(512);
  }

  @Test
  void alertEventIsWrittenWithSnakeCaseNamesAndLowerCaseStates() throws Exception {
    JsonNode tree = json.valueToTree(alert());
    assertThat(tree.fieldNames()).toIterable().containsExactly("schema_version", "id", "kind",
        "severity", "state", "subject_type", "subject", "summary", "evidence", "action",
        "fired_at", "stream_time");
    assertThat(tree.get("kind").asText()).isEqualTo("FAMILY_CROSSED_NC");
    assertThat(tree.get("severity").asText()).isEqualTo("info");
    assertThat(tree.get("state").asText()).isEqualTo("fired");
    assertThat(tree.get("subject_type").asText()).isEqualTo("family");
    assertThat(tree.at("/action/kind").asText()).isEqualTo("curate_data");
    assertThat(tree.at("/action/rotate_to").isNull()).isTrue();
    assertThat(tree.at("/evidence/n").asInt()).isEqualTo(14);
    assertThat(tree.at("/evidence/values/nc_median_b").asDouble()).isEqualTo(3.49);
    assertThat(tree.at("/evidence/ci/quantity").asText()).isEqualTo("nc_median_b");
    assertThat(tree.at("/evidence/window/from").asText()).isEqualTo("2025-01-01");
    assertThat(tree.at("/evidence/contributing_models/0/model").asText())
        .isEqualTo("llama-2-13b");
    assertThat(tree.at("/evidence/contributing_models/1/sources/hellaswag").asText())
        .isEqualTo("openllm_v1");
    assertThat(tree.get("fired_at").asText()).isEqualTo("2026-11-02T08:00:00Z");
  }

  @Test
  void emptyEvidenceIsWrittenWithNulls() throws Exception {
    JsonNode tree = json.valueToTree(Evidence.empty());
    assertThat(tree.get("n").isNull()).isTrue();
    assertThat(tree.get("ci").isNull()).isTrue();
    assertThat(tree.get("window").isNull()).isTrue();
    assertThat(tree.get("values").isEmpty()).isTrue();
    assertThat(tree.get("contributing_models").isEmpty()).isTrue();
  }

  @Test
  void modelProfileIsWrittenAsModelAndScoresByBenchmark() throws Exception {
    JsonNode tree = json.valueToTree(profile());
    assertThat(tree.fieldNames()).toIterable()
        .containsExactly("schema_version", "model", "scores", "cohort_views");
    assertThat(tree.at("/model/model_id").asText()).isEqualTo("EleutherAI/pythia-70m");
    assertThat(tree.get("scores").fieldNames()).toIterable()
        .containsExactly("hellaswag", "truthfulqa");
    assertThat(tree.at("/scores/hellaswag/percent").asDouble()).isEqualTo(27.29);
    assertThat(tree.at("/scores/hellaswag/source").asText()).isEqualTo("openllm_v1");
    assertThat(tree.at("/scores/truthfulqa/evaluated_at").isNull()).isTrue();
    assertThat(tree.get("cohort_views").isEmpty()).isTrue();
  }

  @Test
  void recordsWrittenBeforeNameAndCohortsReadWithThemEmpty() throws Exception {
    ScoreRecord score = json.readValue("""
        {"schema_version":1,"source":"s","model_id":"m","benchmark":"hellaswag","value":50.0,
         "scale":"percent"}""", ScoreRecord.class);
    assertThat(score.cohorts()).isEmpty();
    ModelRecord model = json.readValue("""
        {"schema_version":1,"model_id":"eleutherai/pythia-70m","family":"Pythia"}""",
        ModelRecord.class);
    assertThat(model.name()).isEmpty();
    assertThat(model.displayName()).isEqualTo("eleutherai/pythia-70m");
    ModelRecord named = json.readValue("""
        {"schema_version":1,"model_id":"eleutherai/pythia-70m","name":"EleutherAI/pythia-70m",
         "family":"Pythia"}""", ModelRecord.class);
    assertThat(named.displayName()).isEqualTo("EleutherAI/pythia-70m");
    ScoreRecord tagged = json.readValue(json.writeValueAsString(new ScoreRecord(1, "s", "m",
        "hellaswag", 50.0, Scale.PERCENT, Optional.empty(), OptionalInt.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of("b", "a", "b"))),
        ScoreRecord.class);
    assertThat(tagged.cohorts()).containsExactly("a", "b");
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    String text = """
        {"schema_version":1,"source":"s","model_id":"m","benchmark":"hellaswag","value":50.0,
         "scale":"percent","unexpected":{"nested":[1,2,3]},"another":"x"}""";
    assertThat(json.readValue(text, ScoreRecord.class))
        .isEqualTo(ScoreRecord.of("s", "m", "hellaswag", 50.0, Scale.PERCENT));
  }

  @Test
  void recordsFromANewerWriterWithExtraFieldsStillRead() throws Exception {
    for (Object record : List.of(fullScore(), fullModel(), profile(), alert())) {
      ObjectNode tree = json.valueToTree(record);
      tree.put("schema_version", 2);
      tree.putObject("added_in_v2").put("confidence", 0.9).putArray("tags").add("x");
      tree.put("added_flag", true);
      Object read = json.treeToValue(tree, record.getClass());
      ObjectNode back = json.valueToTree(read);
      assertThat(back.get("schema_version").asInt()).isEqualTo(2);
      tree.remove(List.of("added_in_v2", "added_flag"));
      assertThat(back).as(record.getClass().getSimpleName()).isEqualTo(tree);
    }
  }

  @Test
  void absentOptionalFieldsReadAsEmpty() throws Exception {
    ModelRecord read = json.readValue("{\"schema_version\":1,\"model_id\":\"m\",\"family\":\"f\"}",
        ModelRecord.class);
    assertThat(read).isEqualTo(ModelRecord.of("m", "f"));
    assertThat(read.paramsB()).isEmpty();
    assertThat(read.cohorts()).isEmpty();
  }

  @Test
  void aScoreWithoutAValueIsNotReadAsZero() {
    String missing = "{\"schema_version\":1,\"source\":\"s\",\"model_id\":\"m\","
        + "\"benchmark\":\"hellaswag\",\"scale\":\"percent\"}";
    String nullValue = missing.replace("{", "{\"value\":null,");
    assertThatThrownBy(() -> json.readValue(missing, ScoreRecord.class))
        .isInstanceOf(MismatchedInputException.class).hasMessageContaining("value");
    assertThatThrownBy(() -> json.readValue(nullValue, ScoreRecord.class))
        .isInstanceOf(MismatchedInputException.class).hasMessageContaining("value");
  }

  @Test
  void equalModelRecordsSerialiseToEqualBytesWhateverTheInputOrder() throws Exception {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("family", "a");
    forward.put("params_b", "b");
    forward.put("lab", "c");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("lab", "c");
    backward.put("params_b", "b");
    backward.put("family", "a");
    ModelRecord one = new ModelRecord(1, "m", "f", OptionalDouble.empty(), OptionalInt.empty(),
        ModelKind.BASE, Optional.empty(), Optional.empty(), List.of("x", "frontier", "x"),
        forward);
    ModelRecord two = new ModelRecord(1, "m", "f", OptionalDouble.empty(), OptionalInt.empty(),
        ModelKind.BASE, Optional.empty(), Optional.empty(), List.of("frontier", "x"), backward);
    assertThat(json.writeValueAsString(one)).isEqualTo(json.writeValueAsString(two))
        .contains("\"cohorts\":[\"frontier\",\"x\"]")
        .contains("\"provenance\":{\"family\":\"a\",\"lab\":\"c\",\"params_b\":\"b\"}");
  }

  @Test
  void nullEntriesInCollectionsAreDroppedNotThrown() throws Exception {
    String text = "{\"schema_version\":1,\"model_id\":\"m\",\"family\":\"f\","
        + "\"cohorts\":[\"frontier\",null],\"provenance\":{\"family\":null,\"lab\":\"x\"}}";
    ModelRecord read = json.readValue(text, ModelRecord.class);
    assertThat(read.cohorts()).containsExactly("frontier");
    assertThat(read.provenance()).containsExactly(Map.entry("lab", "x"));
  }
}
