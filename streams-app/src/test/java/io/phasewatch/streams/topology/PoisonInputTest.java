package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.TopologyFixture.base;
import static io.phasewatch.streams.topology.TopologyFixture.score;
import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class PoisonInputTest {
  private static final JsonSerde<ScoreRecord> SCORES = JsonSerde.of(ScoreRecord.class);

  private static String header(Headers h, String name) {
    return new String(h.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static void processingContinues(TopologyFixture f) {
    f.send(base("a-1b", "a", 1));
    f.send(base("a-2b", "a", 2));
    f.send(base("a-3b", "a", 3));
    for (String m : List.of("a-1b", "a-2b", "a-3b")) {
      f.send(score("primary", m, "hellaswag", 40 + m.charAt(2)));
      f.send(score("primary", m, "truthfulqa", 30));
    }
    assertThat(f.familyOut.readKeyValuesToMap().get("a").n()).isEqualTo(3);
    assertThat(f.rejectedOut.isEmpty()).isTrue();
  }

  @Test
  void invalidRecordsGoToRejectedWithTheirBytesAndReasonAndProcessingContinues() {
    try (TopologyFixture f = new TopologyFixture()) {
      ScoreRecord outOfRange = score("primary", "a-1b", "hellaswag", 150);
      byte[] outOfRangeBytes = SCORES.serializer().serialize("t", outOfRange);
      f.rawScores.pipeInput(outOfRange.key(), outOfRangeBytes);
      ScoreRecord unknown = score("primary", "a-1b", "no_such_benchmark", 50);
      f.send(unknown);
      byte[] elsewhereBytes = SCORES.serializer().serialize("t", score("primary", "a-1b",
          "hellaswag", 50));
      f.rawScores.pipeInput("primary|other|hellaswag", elsewhereBytes);

      List<TestRecord<String, byte[]>> rejected = f.rejectedOut.readRecordsToList();
      assertThat(rejected).extracting(r -> header(r.headers(), Rejections.HEADER_REASON))
          .containsExactly("out_of_range", "unknown_benchmark", "malformed");
      assertThat(rejected).extracting(r -> header(r.headers(), Rejections.HEADER_STAGE))
          .containsOnly("validation");
      assertThat(rejected).extracting(r -> header(r.headers(), Rejections.HEADER_SOURCE))
          .containsOnly(f.topics.scores().name());
      assertThat(rejected.get(0).key()).isEqualTo(outOfRange.key());
      assertThat(rejected.get(0).value()).isEqualTo(outOfRangeBytes);
      assertThat(rejected.get(2).key()).isEqualTo("primary|other|hellaswag");
      assertThat(rejected.get(2).value()).isEqualTo(elsewhereBytes);
      assertThat(f.rejections.counts()).isEqualTo(Map.of("out_of_range", 1L,
          "unknown_benchmark", 1L, "malformed", 1L));

      processingContinues(f);
    }
  }

  /**
   * The deserialization exception handler's dead-letter record. TopologyTestDriver loses a
   * dead-letter record that is produced before any record of the task was processed when it
   * simulates exactly-once (the record stays in a transaction the driver never commits), so this
   * one test runs the same topology at least once.
   */
  @Test
  void unreadableRecordsGoToRejectedByteForByteAndProcessingContinues() {
    try (TopologyFixture f = new TopologyFixture(
        Map.of("kafka.processing.guarantee", "at_least_once"))) {
      byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
      f.rawScores.pipeInput("src|m|hellaswag", garbage);

      TestRecord<String, byte[]> rejected = f.rejectedOut.readRecord();
      assertThat(rejected.key()).isEqualTo("src|m|hellaswag");
      assertThat(rejected.value()).isEqualTo(garbage);
      assertThat(header(rejected.headers(), Rejections.HEADER_REASON)).isEqualTo("malformed");
      assertThat(header(rejected.headers(), Rejections.HEADER_STAGE))
          .isEqualTo("deserialization");
      assertThat(header(rejected.headers(), Rejections.HEADER_SOURCE))
          .isEqualTo(f.topics.scores().name());
      assertThat(f.rejections.counts()).isEqualTo(Map.of("malformed", 1L));

      processingContinues(f);
    }
  }
}
