package io.phasewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.streams.errors.Rejections;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsSettingsTest {

  @Test
  void environmentOverridesTheFileWhichOverridesDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("streams.properties");
    Files.writeString(file, String.join("\n",
        "bootstrap.servers=file:9092",
        "topic.prefix=fromfile",
        "panels=paper,all",
        "panel.paper.families=pythia,llama-1",
        "recompute.interval.ms=2500",
        "kafka.security.protocol=SASL_SSL",
        "kafka.sasl.mechanism=PLAIN"), StandardCharsets.UTF_8);
    StreamsSettings s = StreamsSettings.load(Optional.of(file), Map.of(
        "PHASEWATCH_BOOTSTRAP_SERVERS", "env:9093",
        "PHASEWATCH_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "HOME", "/root"));

    assertThat(s.bootstrapServers()).isEqualTo("env:9093");
    assertThat(s.topicPrefix()).isEqualTo("fromfile");
    assertThat(s.applicationId()).isEqualTo("phasewatch-streams");
    assertThat(s.panels()).containsExactly(new PanelSpec("paper", List.of("pythia", "llama-1")),
        new PanelSpec("all", List.of()));
    assertThat(s.referencePanel()).isEqualTo("paper");
    assertThat(s.recomputeInterval()).isEqualTo(Duration.ofMillis(2500));
    assertThat(s.kafka()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");

    Properties p = s.streamsProperties(new Rejections());
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(p.get(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG))
        .isEqualTo(true);
    assertThat(p.get("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat(p.get(Rejections.TOPIC_CONFIG_KEY)).isEqualTo("fromfile.rejected.v1");
  }

  @Test
  void aPanelMayPoolACohort() {
    StreamsSettings s = StreamsSettings.defaults().with(Map.of("panels", "pooled,paper-panel",
        "panel.paper-panel.cohort", "paper-panel"));
    assertThat(s.panels()).containsExactly(new PanelSpec("pooled", List.of()),
        new PanelSpec("paper-panel", List.of(), Optional.of("paper-panel")));
    assertThat(s.referencePanel()).isEqualTo("pooled");
  }

  @Test
  void aPanelTakesTheFamiliesItNamesOrEveryFamily() {
    assertThat(new PanelSpec("p", List.of("a")).includes("b")).isFalse();
    assertThat(PanelSpec.allBaseFamilies("all").includes("b")).isTrue();
  }
}
