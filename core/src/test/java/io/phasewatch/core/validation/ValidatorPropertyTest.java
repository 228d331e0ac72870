package io.phasewatch.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.Draws;
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
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidatorPropertyTest {

  private static final List<String> CANONICAL =
      BenchmarkCatalogue.standard().all().stream().map(b -> b.id()).toList();

  private final Validator validator = new Validator(BenchmarkCatalogue.standard(),
      Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC));

  static LongStream seeds() {
    return LongStream.range(0, 500);
  }

  static LongStream fewerSeeds() {
    return LongStream.range(0, 300);
  }

  /** Half the time any decimal in ±1e12, half the time NaN, an infinity or an extreme. */
  static double anyDouble(Random r) {
    return r.nextBoolean()
        ? Draws.decimal(r, -1e12, 1e12, 2)
        : Draws.oneOf(r, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
            Double.MIN_VALUE, Double.MAX_VALUE);
  }

  /** Any string (up to 300 chars, past the 256 limit), or null. */
  static String text(Random r) {
    return Draws.orNull(r, x -> Draws.anyString(x, 300));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void neverThrowsOnAnyScore(long seed) {
    Random r = Draws.random(seed);
    int version = Draws.anyInt(r);
    String source = text(r);
    String model = text(r);
    // A canonical id now and then, so the checks past the benchmark id run on known benchmarks.
    String benchmark = Draws.chance(r, 0.2) ? Draws.oneOf(r, CANONICAL) : text(r);
    double value = anyDouble(r);
    Scale scale = Draws.orNull(r, x -> Draws.oneOf(x, Scale.values()));
    int shots = Draws.anyInt(r);
    long seconds = Draws.anyLong(r);
    ScoreRecord s = new ScoreRecord(version, source, model, benchmark, value, scale,
        Optional.ofNullable(source), OptionalInt.of(shots),
        Optional.of(Instant.ofEpochSecond(Math.floorMod(seconds, 100_000_000_000L))),
        Optional.empty(), Optional.ofNullable(model), Optional.empty());
    List<Rejection> rejections = validator.validate(s);
    assertThat(rejections).allSatisfy(x -> assertThat(x.code()).isNotBlank());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void neverThrowsOnAnyModel(long seed) {
    Random r = Draws.random(seed);
    int version = Draws.anyInt(r);
    String id = text(r);
    String family = text(r);
    double params = anyDouble(r);
    int dModel = Draws.anyInt(r);
    String lab = text(r);
    int days = Draws.anyInt(r);
    List<String> cohorts = Draws.list(r, 0, 20, ValidatorPropertyTest::text);
    ModelRecord m = new ModelRecord(version, id, family, OptionalDouble.of(params),
        OptionalInt.of(dModel), ModelKind.UNKNOWN, Optional.ofNullable(lab),
        Optional.of(LocalDate.ofEpochDay(Math.floorMod(days, 200_000))), cohorts,
        Map.of("family", family == null ? "" : family));
    assertThat(validator.validate(m)).allSatisfy(x -> assertThat(x.code()).isNotBlank());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("fewerSeeds")
  void aScoreInsideItsScaleOnACanonicalBenchmarkIsValid(long seed) {
    Random r = Draws.random(seed);
    String benchmark = Draws.oneOf(r, CANONICAL);
    Scale scale = Draws.oneOf(r, Scale.values());
    double fraction = Draws.decimal(r, 0.0, 1.0, 4);
    ScoreRecord s = ScoreRecord.of("feed", "org/model", benchmark, fraction * scale.max(), scale);
    assertThat(validator.validate(s)).isEmpty();
  }
}
