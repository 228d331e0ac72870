package io.phasewatch.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.AlertState;
import io.phasewatch.core.domain.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSinkTest {

  @Test
  void appendsOneJsonLinePerAlertThatReadsBackAsTheAlert(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/alerts.jsonl");
    JsonLinesSink sink = new JsonLinesSink("archive", file);
    AlertEvent fired = TestAlerts.brokenCoupling(AlertState.FIRED, "frontier");
    AlertEvent resolved = TestAlerts.brokenCoupling(AlertState.RESOLVED, "frontier");

    assertThat(sink.attempt(fired)).isEqualTo(Attempt.delivered());
    assertThat(sink.attempt(resolved)).isEqualTo(Attempt.delivered());

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(Json.mapper().readValue(lines.get(0), AlertEvent.class)).isEqualTo(fired);
    assertThat(Json.mapper().readValue(lines.get(1), AlertEvent.class)).isEqualTo(resolved);
  }
}
