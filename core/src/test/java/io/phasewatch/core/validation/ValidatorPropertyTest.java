package io.phasewatch.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.catalogue.BenchmarkCatalogue;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.WithNull;

class ValidatorPropertyTest {

  private final Validator validator = new Validator(BenchmarkCatalogue.standard(),
      Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC));

  @Provide
  Arbitrary<Double> anyDouble() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-1e12, 1e12),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
            Double.MIN_VALUE, Double.MAX_VALUE));
  }

  @Property(tries = 500)
  void neverThrowsOnAnyScore(
      @ForAll int version, @ForAll @WithNull String source, @ForAll @WithNull String model,
      @ForAll @WithNull String benchmark, @ForAll("anyDouble") double value,
      @ForAll @WithNull Scale scale, @ForAll int shots, @ForAll long seconds) {
    ScoreRecord s = new ScoreRecord(version, source, model, benchmark, value, scale,
        Optional.ofNullable(source), OptionalInt.of(shots),
        Optional.of(Instant.ofEpochSecond(Math.floorMod(seconds, 100_000_000_000L))),
        Optional.empty(), Optional.ofNullable(model), Optional.empty());
    List<Rejection> rejections = validator.validate(s);
    assertThat(rejections).allSatisfy(r -> assertThat(r.code()).isNotBlank());
  }

  @Property(tries = 500)
  void neverThrowsOnAnyModel(
      @ForAll int version, @ForAll @WithNull String id, @ForAll @WithNull String family,
      @ForAll("anyDouble") double params, @ForAll int dModel, @ForAll @WithNull String lab,
      @ForAll int days, @ForAll List<@WithNull String> cohorts) {
    ModelRecord m = new ModelRecord(version, id, family, OptionalDouble.of(params),
        OptionalInt.of(dModel), ModelKind.UNKNOWN, Optional.ofNullable(lab),
        Optional.of(LocalDate.ofEpochDay(Math.floorMod(days, 200_000))), cohorts,
        Map.of("family", family == null ? "" : family));
    assertThat(validator.validate(m)).allSatisfy(r -> assertThat(r.code()).isNotBlank());
  }

  @Property(tries = 300)
  void aScoreInsideItsScaleOnACanonicalBenchmarkIsValid(
      @ForAll("benchmarks") String benchmark, @ForAll Scale scale,
      @ForAll("unitInterval") double fraction) {
    ScoreRecord s = ScoreRecord.of("feed", "org/model", benchmark, fraction * scale.max(), scale);
    assertThat(validator.validate(s)).isEmpty();
  }

  @Provide
  Arbitrary<String> benchmarks() {
    return Arbitraries.of(BenchmarkCatalogue.standard().all().stream()
        .map(b -> b.id()).toList());
  }

  @Provide
  Arbitrary<Double> unitInterval() {
    return Arbitraries.doubles().between(0.0, 1.0);
  }
}
