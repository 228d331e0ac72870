package io.phasewatch.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DomainPropertyTest {

  private final ObjectMapper json = Json.mapper();

  @Provide
  Arbitrary<ScoreRecord> scores() {
    Arbitrary<String> text = Arbitraries.strings().ofMinLength(0).ofMaxLength(40);
    Arbitrary<Instant> instants = Arbitraries.longs().between(0L, 4_000_000_000L)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999)
            .map(n -> Instant.ofEpochSecond(s, n)));
    return Combinators.combine(
        Combinators.combine(Arbitraries.integers().between(0, 5), text, text,
            Arbitraries.of("hellaswag", "truthfulqa", "gpqa_diamond"),
            Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.of(Scale.class))
            .as((v, s, m, b, x, sc) -> new Object[] {v, s, m, b, x, sc}),
        text.optional(), Arbitraries.integers().between(-1, 50).optional(),
        instants.optional(), instants.optional(), text.optional(), text.optional())
        .as((head, metric, shots, eval, fetch, url, rev) -> new ScoreRecord(
            (Integer) head[0], (String) head[1], (String) head[2], (String) head[3],
            (Double) head[4], (Scale) head[5], metric,
            shots.map(OptionalInt::of).orElse(OptionalInt.empty()), eval, fetch, url, rev));
  }

  @Property(tries = 300)
  void everyScoreRecordRoundTripsThroughJson(@ForAll("scores") ScoreRecord score)
      throws Exception {
    assertThat(json.readValue(json.writeValueAsBytes(score), ScoreRecord.class)).isEqualTo(score);
  }

  @Provide
  Arbitrary<List<ScoreRecord>> scoreSets() {
    Arbitrary<ScoreRecord> one = Combinators.combine(
        Arbitraries.of("a", "b", "c", "d"),
        Arbitraries.of("hellaswag", "truthfulqa", "arc"),
        Arbitraries.doubles().between(0, 100).ofScale(2),
        Arbitraries.longs().between(0, 5).optional())
        .as((source, benchmark, value, day) -> new ScoreRecord(1, source, "m", benchmark, value,
            Scale.PERCENT, Optional.empty(), OptionalInt.empty(),
            day.map(d -> Instant.ofEpochSecond(d * 86_400)), Optional.empty(), Optional.empty(),
            Optional.empty()));
    return one.list().ofMaxSize(12);
  }

  @Property(tries = 300)
  void resolvedProfileDoesNotDependOnArrivalOrder(
      @ForAll("scoreSets") List<ScoreRecord> scores, @ForAll long seed) {
    List<ScoreRecord> shuffled = new ArrayList<>(scores);
    Collections.shuffle(shuffled, new Random(seed));
    ModelRecord model = ModelRecord.of("m", "f");
    List<String> priority = List.of("c", "a");
    assertThat(ModelProfile.resolve(model, shuffled, priority))
        .isEqualTo(ModelProfile.resolve(model, scores, priority));
  }

  @Property(tries = 300)
  void resolvedScoreComesFromTheBestRankedSourcePresent(
      @ForAll("scoreSets") List<ScoreRecord> scores) {
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
