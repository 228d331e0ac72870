package io.phasewatch.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasewatch.core.Draws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DomainPropertyTest {

  /** How often an optional field is drawn empty: often enough that both cases are common. */
  private static final double EMPTY = 0.25;

  private final ObjectMapper json = Json.mapper();

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  private static String text(Random r) {
    return Draws.anyString(r, 40);
  }

  private static Instant instant(Random r) {
    return Instant.ofEpochSecond(
        Draws.between(r, 0L, 4_000_000_000L), Draws.between(r, 0, 999_999_999));
  }

  /** Any score record: any text, any scale, every optional field empty or not. */
  static ScoreRecord score(Random r) {
    return new ScoreRecord(
        Draws.between(r, 0, 5), text(r), text(r),
        Draws.oneOf(r, "hellaswag", "truthfulqa", "gpqa_diamond"),
        Draws.decimal(r, -1e6, 1e6, 2), Draws.oneOf(r, Scale.values()),
        Draws.optional(r, EMPTY, DomainPropertyTest::text),
        Draws.optional(r, EMPTY, x -> Draws.between(x, -1, 50))
            .map(OptionalInt::of).orElse(OptionalInt.empty()),
        Draws.optional(r, EMPTY, DomainPropertyTest::instant),
        Draws.optional(r, EMPTY, DomainPropertyTest::instant),
        Draws.optional(r, EMPTY, DomainPropertyTest::text),
        Draws.optional(r, EMPTY, DomainPropertyTest::text));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyScoreRecordRoundTripsThroughJson(long seed) throws Exception {
    ScoreRecord score = score(Draws.random(seed));
    assertThat(json.readValue(json.writeValueAsBytes(score), ScoreRecord.class)).isEqualTo(score);
  }

  /**
   * Up to 12 scores (none is an edge) of one model from sources a–d on three benchmarks, so the
   * same benchmark often comes from several sources, some with an evaluation day and some without.
   */
  static List<ScoreRecord> scoreSet(Random random) {
    return Draws.list(random, 0, 12, r -> new ScoreRecord(1, Draws.oneOf(r, "a", "b", "c", "d"),
        "m", Draws.oneOf(r, "hellaswag", "truthfulqa", "arc"), Draws.decimal(r, 0, 100, 2),
        Scale.PERCENT, Optional.empty(), OptionalInt.empty(),
        Draws.optional(r, EMPTY, x -> Instant.ofEpochSecond(Draws.between(x, 0L, 5L) * 86_400)),
        Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resolvedProfileDoesNotDependOnArrivalOrder(long seed) {
    Random random = Draws.random(seed);
    List<ScoreRecord> scores = scoreSet(random);
    List<ScoreRecord> shuffled = new ArrayList<>(scores);
    Collections.shuffle(shuffled, random);
    ModelRecord model = ModelRecord.of("m", "f");
    List<String> priority = List.of("c", "a");
    assertThat(ModelProfile.resolve(model, shuffled, priority))
        .isEqualTo(ModelProfile.resolve(model, scores, priority));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resolvedScoreComesFromTheBestRankedSourcePresent(long seed) {
    List<ScoreRecord> scores = scoreSet(Draws.random(seed));
    List<String> priority = List.of("c", "a");
    ModelProfile p = ModelProfile.resolve(ModelRecord.of("m", "f"), scores, priority);
    for (String benchmark : p.scores().keySet()) {
      int best = scores.stream().filter(s -> s.benchmark().equals(benchmark))
          .mapToInt(s -> priority.contains(s.source()) ? priority.indexOf(s.source()) : 99)
          .min().orElseThrow();
      String source = p.scores().get(benchmark).source();
      int rank = priority.contains(source) ? priority.indexOf(source) : 99;
      assertThat(rank).isEqualTo(best);
    }
    assertThat(p.scores().keySet()).containsExactlyInAnyOrderElementsOf(
        scores.stream().map(ScoreRecord::benchmark).distinct().toList());
  }
}
