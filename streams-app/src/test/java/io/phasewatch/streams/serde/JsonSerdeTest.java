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

/** The internal format: Smile with numeric dates, the same values back, JSON text still read. */
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
  void theInternalFormatIsSmileWithNumericDatesAndReadsBackTheSameValues() {
    JsonSerde<ScoreRecord> internal = JsonSerde.internal(ScoreRecord.class);
    byte[] bytes = internal.serializer().serialize("t", score());
    assertThat(new String(bytes, 0, 3, StandardCharsets.US_ASCII)).as("the Smile header")
        .isEqualTo(":)\n");
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("no ISO-8601 text")
        .doesNotContain("2025-06-01");
    assertThat(bytes.length).as("smaller than the text")
        .isLessThan(JsonSerde.of(ScoreRecord.class).serializer().serialize("t", score()).length);
    assertThat(internal.deserializer().deserialize("t", bytes)).isEqualTo(score());

    ModelProfile profile = ModelProfile.resolve(release(), List.of(score()), List.of("feed"));
    JsonSerde<ModelProfile> profiles = JsonSerde.internal(ModelProfile.class);
    byte[] profileBytes = profiles.serializer().serialize("t", profile);
    assertThat(new String(profileBytes, StandardCharsets.ISO_8859_1)).doesNotContain("2024-02-29");
    assertThat(profiles.deserializer().deserialize("t", profileBytes)).isEqualTo(profile);
  }

  @Test
  void theInternalFormatReadsStateWrittenAsJsonText() {
    ModelProfile profile = ModelProfile.resolve(release(), List.of(score()), List.of("feed"));
    byte[] text = JsonSerde.of(ModelProfile.class).serializer().serialize("t", profile);
    assertThat(new String(text, StandardCharsets.UTF_8)).contains("\"2024-02-29\"");
    assertThat(JsonSerde.internal(ModelProfile.class).deserializer().deserialize("t", text))
        .isEqualTo(profile);
  }

  @Test
  void bytesThatAreNeitherFormAreASerializationErrorNamingTheType() {
    JsonSerde<ScoreRecord> internal = JsonSerde.internal(ScoreRecord.class);
    byte[] broken = {':', ')', '\n', 0x7f, 0x01};
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> internal.deserializer().deserialize("t", broken))
        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
        .hasMessageContaining("ScoreRecord");
  }
}
