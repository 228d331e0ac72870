package io.phasewatch.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.Draws;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A record's model id read back from its topic key, as the profile stage routes tombstones. */
class RecordKeyTest {

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /** A key part as core.validation admits it: any text without {@code |}, not empty. */
  private static String part(Random r) {
    String s = Draws.anyString(r, 30).replace("|", "");
    return s.isEmpty() ? "x" : s;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theModelIdOfAnyKeyIsTheIdItWasMadeOf(long seed) {
    Random r = new Random(seed);
    String model = part(r);
    assertThat(ScoreRecord.modelIdOfKey(ScoreRecord.key(part(r), model, part(r))))
        .contains(model);
    assertThat(ModelRecord.modelIdOfKey(ModelRecord.key(Optional.of(part(r)), model)))
        .contains(model);
    assertThat(ModelRecord.modelIdOfKey(ModelRecord.key(Optional.empty(), model)))
        .contains(model);
  }

  @Test
  void keysNoRecordCanHaveNameNoModel() {
    assertThat(ScoreRecord.modelIdOfKey("nobody")).isEmpty();
    assertThat(ScoreRecord.modelIdOfKey("src|nobody")).isEmpty();
    assertThat(ScoreRecord.modelIdOfKey("a|b|c|d")).isEmpty();
    assertThat(ScoreRecord.modelIdOfKey("src||hellaswag")).isEmpty();
    assertThat(ScoreRecord.modelIdOfKey(null)).isEmpty();
    assertThat(ModelRecord.modelIdOfKey("a|b|c")).isEmpty();
    assertThat(ModelRecord.modelIdOfKey("src|")).isEmpty();
    assertThat(ModelRecord.modelIdOfKey("")).isEmpty();
    assertThat(ModelRecord.modelIdOfKey(null)).isEmpty();
  }
}
