package io.phasewatch.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.phasewatch.core.catalogue.BenchmarkCatalogue;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
  private final Validator validator =
      new Validator(BenchmarkCatalogue.standard(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static ScoreRecord valid() {
    return new ScoreRecord(1, "openllm_v1", "EleutherAI/pythia-70m", "hellaswag", 27.29,
        Scale.PERCENT, Optional.of("acc_norm"), OptionalInt.of(10),
        Optional.of(Instant.parse("2023-07-19T00:00:00Z")), Optional.of(NOW),
        Optional.of("https://huggingface.co/EleutherAI/pythia-70m"), Optional.of("a39f36b"));
  }

  private static ScoreRecord with(String source, String model, String benchmark, double value,
      Scale scale) {
    ScoreRecord v = valid();
    return new ScoreRecord(v.schemaVersion(), source, model, benchmark, value, scale, v.metric(),
        v.nShot(), v.evaluatedAt(), v.fetchedAt(), v.sourceUrl(), v.revision());
  }

  private static ModelRecord validModel() {
    return new ModelRecord(1, "EleutherAI/pythia-70m", "Pythia", OptionalDouble.of(0.07),
        OptionalInt.of(512), ModelKind.BASE, Optional.of("EleutherAI"),
        Optional.of(LocalDate.of(2023, 2, 13)), List.of("panel"),
        Map.of("params_b", "name rule"));
  }

  private static ModelRecord model(String id, String family, OptionalDouble params,
      OptionalInt dModel, Optional<LocalDate> release) {
    ModelRecord v = validModel();
    return new ModelRecord(1, id, family, params, dModel, v.kind(), v.lab(), release,
        v.cohorts(), v.provenance());
  }

  private List<Rejection> rejections(ScoreRecord s) {
    return validator.validate(s);
  }

  @Test
  void validRecordsHaveNoRejection() {
    assertThat(validator.validate(valid())).isEmpty();
    assertThat(validator.validate(validModel())).isEmpty();
    assertThat(validator.validate(ScoreRecord.of("epoch", "o3", "gpqa_diamond", 0.83,
        Scale.FRACTION))).isEmpty();
    assertThat(validator.validate(ModelRecord.of("o3", "o-series"))).isEmpty();
  }

  @Test
  void boundariesAreValid() {
    assertThat(rejections(with("s", "m", "hellaswag", 0.0, Scale.PERCENT))).isEmpty();
    assertThat(rejections(with("s", "m", "hellaswag", 100.0, Scale.PERCENT))).isEmpty();
    assertThat(rejections(with("s", "m", "gpqa", 1.0, Scale.FRACTION))).isEmpty();
    assertThat(rejections(with("s", "m".repeat(256), "hellaswag", 1.0, Scale.PERCENT)))
        .isEmpty();
    ScoreRecord atSkew = new ScoreRecord(1, "s", "m", "mmlu", 50, Scale.PERCENT,
        Optional.empty(), OptionalInt.of(0), Optional.of(NOW.plus(Validator.CLOCK_SKEW)),
        Optional.empty(), Optional.of("u".repeat(2048)), Optional.empty());
    assertThat(rejections(atSkew)).isEmpty();
    assertThat(validator.validate(model("m", "f", OptionalDouble.of(100_000.0), OptionalInt.of(1),
        Optional.of(LocalDate.of(2026, 11, 3))))).isEmpty();
  }

  @Test
  void missingSourceModelOrBenchmark() {
    assertThat(rejections(with(null, " ", "", 50, Scale.PERCENT)))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("missing_field", "source"), tuple("missing_field", "model_id"),
            tuple("missing_field", "benchmark"));
  }

  @Test
  void missingScale() {
    assertThat(rejections(with("s", "m", "hellaswag", 50, null)))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("missing_field", "scale"));
  }

  @Test
  void nonFiniteValues() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY}) {
      assertThat(rejections(with("s", "m", "hellaswag", bad, Scale.PERCENT)))
          .extracting(Rejection::code, Rejection::field)
          .containsExactly(tuple("not_finite", "value"));
    }
  }

  @Test
  void valuesOutsideTheirScale() {
    assertThat(rejections(with("s", "m", "hellaswag", 100.01, Scale.PERCENT)))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("out_of_range", "value"));
    assertThat(rejections(with("s", "m", "hellaswag", -0.1, Scale.PERCENT)))
        .extracting(Rejection::code).containsExactly("out_of_range");
    List<Rejection> percentAsFraction = rejections(with("s", "m", "gpqa", 36.5, Scale.FRACTION));
    assertThat(percentAsFraction).extracting(Rejection::code).containsExactly("out_of_range");
    assertThat(percentAsFraction.get(0).message()).contains("percentage published as a fraction");
  }

  @Test
  void negativeShotCount() {
    ScoreRecord v = valid();
    ScoreRecord s = new ScoreRecord(1, v.source(), v.modelId(), v.benchmark(), v.value(),
        v.scale(), v.metric(), OptionalInt.of(-1), v.evaluatedAt(), v.fetchedAt(), v.sourceUrl(),
        v.revision());
    assertThat(rejections(s)).extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("out_of_range", "n_shot"));
  }

  @Test
  void unknownBenchmarkAndAliasInsteadOfId() {
    assertThat(rejections(with("s", "m", "drop", 50, Scale.PERCENT)))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("unknown_benchmark", "benchmark"));
    List<Rejection> alias = rejections(with("s", "m", "HellaSwag (10-Shot)", 50, Scale.PERCENT));
    assertThat(alias).extracting(Rejection::code).containsExactly("unknown_benchmark");
    assertThat(alias.get(0).message()).contains("use 'hellaswag'");
  }

  @Test
  void futureEvaluationAndFetchTimes() {
    Instant future = NOW.plus(Validator.CLOCK_SKEW).plusSeconds(1);
    ScoreRecord s = new ScoreRecord(1, "s", "m", "arc", 50, Scale.PERCENT, Optional.empty(),
        OptionalInt.empty(), Optional.of(future), Optional.of(future), Optional.empty(),
        Optional.empty());
    assertThat(rejections(s)).extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("future_date", "evaluated_at"), tuple("future_date", "fetched_at"));
  }

  @Test
  void oversizedStrings() {
    assertThat(rejections(with("s".repeat(257), "m", "arc", 50, Scale.PERCENT)))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("oversized_string", "source"));
    ScoreRecord s = new ScoreRecord(1, "s", "m", "arc", 50, Scale.PERCENT,
        Optional.of("x".repeat(257)), OptionalInt.empty(), Optional.empty(), Optional.empty(),
        Optional.of("u".repeat(2049)), Optional.of("r".repeat(257)));
    assertThat(rejections(s)).extracting(Rejection::code, Rejection::field).containsExactly(
        tuple("oversized_string", "metric"), tuple("oversized_string", "source_url"),
        tuple("oversized_string", "revision"));
  }

  @Test
  void keySeparatorsAndControlCharactersInIds() {
    assertThat(rejections(with("feed|x", "m\u0000", "arc", 50, Scale.PERCENT)))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("illegal_character", "source"),
            tuple("illegal_character", "model_id"));
  }

  @Test
  void unsupportedSchemaVersion() {
    ScoreRecord v = valid();
    ScoreRecord s = new ScoreRecord(0, v.source(), v.modelId(), v.benchmark(), v.value(),
        v.scale(), v.metric(), v.nShot(), v.evaluatedAt(), v.fetchedAt(), v.sourceUrl(),
        v.revision());
    assertThat(rejections(s)).extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("unsupported_schema", "schema_version"));
    ModelRecord m = validModel();
    ModelRecord old = new ModelRecord(-1, m.modelId(), m.family(), m.paramsB(), m.dModel(),
        m.kind(), m.lab(), m.releaseDate(), m.cohorts(), m.provenance());
    assertThat(validator.validate(old)).extracting(Rejection::code)
        .containsExactly("unsupported_schema");
  }

  @Test
  void aNewerSchemaVersionIsAccepted() {
    ScoreRecord v = valid();
    ScoreRecord s = new ScoreRecord(7, v.source(), v.modelId(), v.benchmark(), v.value(),
        v.scale(), v.metric(), v.nShot(), v.evaluatedAt(), v.fetchedAt(), v.sourceUrl(),
        v.revision());
    assertThat(rejections(s)).isEmpty();
  }

  @Test
  void nullRecordsAreMalformedNotExceptions() {
    assertThat(validator.validate((ScoreRecord) null)).extracting(Rejection::code)
        .containsExactly("malformed");
    assertThat(validator.validate((ModelRecord) null)).extracting(Rejection::code)
        .containsExactly("malformed");
  }

  @Test
  void blankModelIdAndFamily() {
    assertThat(validator.validate(model("", null, OptionalDouble.of(1), OptionalInt.empty(),
        Optional.empty())))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("missing_field", "model_id"), tuple("missing_field", "family"));
  }

  @Test
  void nonPositiveOrNonFiniteParams() {
    assertThat(validator.validate(model("m", "f", OptionalDouble.of(0.0), OptionalInt.of(0),
        Optional.empty())))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("non_positive_params", "params_b"),
            tuple("non_positive_params", "d_model"));
    assertThat(validator.validate(model("m", "f", OptionalDouble.of(-7), OptionalInt.of(-512),
        Optional.empty())))
        .extracting(Rejection::code)
        .containsExactly("non_positive_params", "non_positive_params");
    assertThat(validator.validate(model("m", "f", OptionalDouble.of(Double.NaN),
        OptionalInt.empty(), Optional.empty())))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("not_finite", "params_b"));
  }

  @Test
  void paramsInRawUnitsInsteadOfBillions() {
    List<Rejection> r = validator.validate(model("m", "f", OptionalDouble.of(7e9),
        OptionalInt.empty(), Optional.empty()));
    assertThat(r).extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("out_of_range", "params_b"));
    assertThat(r.get(0).message()).contains("raw parameter count");
  }

  @Test
  void releaseDateInTheFuture() {
    assertThat(validator.validate(model("m", "f", OptionalDouble.empty(), OptionalInt.empty(),
        Optional.of(LocalDate.of(2026, 11, 4)))))
        .extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("future_date", "release_date"));
  }

  @Test
  void oversizedAndIllegalModelStrings() {
    ModelRecord m = new ModelRecord(1, "m".repeat(257), "f\n", OptionalDouble.empty(),
        OptionalInt.empty(), ModelKind.BASE, Optional.of("l".repeat(257)), Optional.empty(),
        List.of("frontier", " "), Map.of("k".repeat(257), "v", "family", "x".repeat(2049)));
    assertThat(validator.validate(m)).extracting(Rejection::code, Rejection::field)
        .containsExactly(tuple("oversized_string", "model_id"),
            tuple("illegal_character", "family"), tuple("oversized_string", "lab"),
            tuple("missing_field", "cohorts[0]"), tuple("oversized_string", "provenance.family"),
            tuple("oversized_string", "provenance"));
  }

  @Test
  void everyReasonHasAStableSnakeCaseCode() {
    assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::code)).containsExactly(
        "missing_field", "not_finite", "out_of_range", "non_positive_params",
        "unknown_benchmark", "future_date", "oversized_string", "illegal_character",
        "unsupported_schema", "malformed");
    for (RejectionReason r : RejectionReason.values()) {
      assertThat(RejectionReason.fromCode(r.code())).contains(r);
    }
    assertThat(RejectionReason.fromCode("nope")).isEmpty();
  }

  @Test
  void messagesQuoteAShortPrintableExcerptOfTheValue() {
    String longId = "a|" + "b".repeat(200);
    Rejection r = rejections(with("s", longId, "arc", 50, Scale.PERCENT)).get(0);
    assertThat(r.code()).isEqualTo("illegal_character");
    assertThat(r.message()).contains("a|bbb").contains("…").hasSizeLessThan(140);
  }
}
