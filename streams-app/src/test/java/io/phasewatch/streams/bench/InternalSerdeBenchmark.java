package io.phasewatch.streams.bench;

import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.streams.serde.JsonSerde;
import io.phasewatch.streams.state.MemberUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One write and one read of what the stream thread writes and reads most (docs/PERFORMANCE.md):
 * a family member update (a base model's resolved profile, six scores) and a score, in the public
 * format ({@code json}: JSON text, ISO-8601 dates, what every internal topic and store used
 * before) and the internal one ({@code smile}: {@link JsonSerde#internal}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InternalSerdeBenchmark {
  @Param({"json", "smile"})
  public String format;

  private MemberUpdate update;
  private ScoreRecord score;
  private Serializer<MemberUpdate> updateWriter;
  private Deserializer<MemberUpdate> updateReader;
  private Serializer<ScoreRecord> scoreWriter;
  private Deserializer<ScoreRecord> scoreReader;

  @Setup
  public void setUp() {
    List<ScoreRecord> scores = new ArrayList<>();
    for (String b : List.of("hellaswag", "truthfulqa", "arc", "winogrande", "mmlu", "gsm8k")) {
      ScoreRecord s = ScoreRecord.of("open-llm-v1", "org/model-7b", b, 41.25, Scale.PERCENT);
      scores.add(new ScoreRecord(s.schemaVersion(), s.source(), s.modelId(), s.benchmark(),
          s.value(), s.scale(), Optional.of("acc_norm"), OptionalInt.of(10),
          Optional.of(Instant.parse("2024-06-01T12:34:56Z")),
          Optional.of(Instant.parse("2026-11-27T08:00:00Z")), Optional.empty(),
          Optional.empty(), List.of()));
    }
    ModelRecord model = new ModelRecord(ModelRecord.SCHEMA_VERSION, "org/model-7b", "org-model",
        OptionalDouble.of(7), OptionalInt.of(4096), ModelKind.BASE, Optional.empty(),
        Optional.empty(), List.of(), Map.of("params_b", "metadata"));
    update = MemberUpdate.join(ModelProfile.resolve(model, scores, List.of("open-llm-v1")));
    score = scores.get(0);
    boolean smile = format.equals("smile");
    JsonSerde<MemberUpdate> updates = smile
        ? JsonSerde.internal(MemberUpdate.class) : JsonSerde.of(MemberUpdate.class);
    JsonSerde<ScoreRecord> scoreSerde = smile
        ? JsonSerde.internal(ScoreRecord.class) : JsonSerde.of(ScoreRecord.class);
    updateWriter = updates.serializer();
    updateReader = updates.deserializer();
    scoreWriter = scoreSerde.serializer();
    scoreReader = scoreSerde.deserializer();
  }

  @Benchmark
  public MemberUpdate memberUpdateWriteAndRead() {
    return updateReader.deserialize("t", updateWriter.serialize("t", update));
  }

  @Benchmark
  public ScoreRecord scoreWriteAndRead() {
    return scoreReader.deserialize("t", scoreWriter.serialize("t", score));
  }
}
