package io.phasewatch.streams.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The internal format: numbers for instants and dates, the same values back, both forms read. */
class JsonSerdeTest {
  private static final Instant EVALUATED = Instant.parse("2025-06-01T12:34:56.123456789Z");
  private static final LocalDate RELEASED = LocalDate.of(2024, 2, 29);

  private static ScoreRecord score() {
    ScoreRecord s = ScoreRecord.of("feed", "lab/model-7b", "gpqa_diamond", 41.25, Scale.PERCENT);
    return new ScoreRecord(s.schemaVersion(), s.source(), s.modelId(), s.benchmark(), s.value(),
        s.scale(), Optional.of("acc"), OptionalInt.of(5), Optional.of(EVALUATED),
        Optional.of(EVALUATED.plusSeconds(86_400)), Optional.empty(), Optional.of("r1"),
        List.of("epoch"));
  }

  private static ModelRecord release() {
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, "lab/model-7b", "lab",
        OptionalDouble.of(7), OptionalInt.empty(), ModelKind.CHAT, Optional.of("lab"),
        Optional.of(RELEASED), List.of("epoch"), Map.of("params_b", "metadata"));
  }

  @Test
  void theInternalFormatWritesInstantsAndDatesAsNumbersAndReadsBackTheSameValues() {
    JsonSerde<ScoreRecord> internal = JsonSerde.internal(ScoreRecord.class);
    byte[] bytes = internal.serializer().serialize("t", score());
    String json = new String(bytes, StandardCharsets.UTF_8);
    assertThat(json).as("no ISO-8601 text").doesNotContain("2025-06-01")
        .contains("\"evaluated_at\":" + EVALUATED.getEpochSecond() + ".123456789");
    assertThat(internal.deserializer().deserialize("t", bytes)).isEqualTo(score());

    ModelProfile profile = ModelProfile.resolve(release(), List.of(score()), List.of("feed"));
    JsonSerde<ModelProfile> profiles = JsonSerde.internal(ModelProfile.class);
    byte[] profileBytes = profiles.serializer().serialize("t", profile);
    assertThat(new String(profileBytes, StandardCharsets.UTF_8)).doesNotContain("2024-02-29");
    assertThat(profiles.deserializer().deserialize("t", profileBytes)).isEqualTo(profile);
  }

  @Test
  void eachFormatReadsTheOther() {
    JsonSerde<ModelProfile> pub = JsonSerde.of(ModelProfile.class);
    JsonSerde<ModelProfile> internal = JsonSerde.internal(ModelProfile.class);
    ModelProfile profile = ModelProfile.resolve(release(), List.of(score()), List.of("feed"));
    byte[] text = pub.serializer().serialize("t", profile);
    assertThat(new String(text, StandardCharsets.UTF_8)).contains("\"2024-02-29\"");
    assertThat(internal.deserializer().deserialize("t", text)).as("state written before")
        .isEqualTo(profile);
    assertThat(pub.deserializer().deserialize("t", internal.serializer().serialize("t", profile)))
        .isEqualTo(profile);
  }
}
