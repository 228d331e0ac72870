package io.phasewatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.cli.Main;
import io.phasewatch.core.domain.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code phasewatch bench} on a tiny workload: it completes, prints its table and writes every
 * field docs/PERFORMANCE.md reports, consistently. The numbers themselves are not asserted: a
 * unit test on a shared machine is no place for performance targets.
 */
@Tag("bench")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BenchSmokeTest {

  @Test
  void aTinyRunWritesEveryFieldOfTheResult(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("bench.json");
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int code = cl.execute("bench", "--quick", "--families", "10", "--sizes", "5",
        "--cohort-size", "12", "--rate", "200", "--duration", "4", "--bootstrap-resamples", "200",
        "--recompute-interval-ms", "1000", "--json", json.toString());

    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("raw produce", "pass-through (exactly-once)",
        "keyed pass-through (2 hops)", "phasewatch (exactly-once)", "publish -> family diagnosis",
        "publish -> alert (topic)");
    JsonNode r = Json.mapper().readTree(json.toFile());
    for (String field : List.of("raw_produce_rps", "raw_consume_rps", "passthrough_rps",
        "keyed_passthrough_rps", "phasewatch_rps", "ratio_vs_raw", "ratio_vs_passthrough",
        "ratio_vs_keyed_passthrough", "peak_heap_bytes", "state_bytes_per_model")) {
      assertThat(r.get(field).asDouble()).as(field).isPositive();
    }
    assertThat(r.get("ratio_vs_passthrough").asDouble()).isCloseTo(
        r.get("phasewatch_rps").asDouble() / r.get("passthrough_rps").asDouble(), within(1e-9));
    assertThat(r.get("ratio_vs_keyed_passthrough").asDouble()).isCloseTo(
        r.get("phasewatch_rps").asDouble() / r.get("keyed_passthrough_rps").asDouble(),
        within(1e-9));
    assertThat(r.get("ratio_vs_raw").asDouble()).isCloseTo(r.get("phasewatch_rps").asDouble()
        / Math.min(r.get("raw_produce_rps").asDouble(), r.get("raw_consume_rps").asDouble()),
        within(1e-9));
    JsonNode setup = r.get("setup");
    assertThat(setup.get("models").asInt()).isEqualTo(10 * 5 + 12);
    assertThat(setup.get("scores").asLong()).isEqualTo(10 * 5 * 6 + 12 * 4);
    assertThat(setup.get("warmup_rounds").asInt()).as("the default").isEqualTo(1);
    assertThat(out.toString()).contains("1 warm-up round(s) of every application");
    JsonNode diagnosis = r.get("latency_ms").get("diagnosis");
    assertThat(diagnosis.get("samples").asInt()).isEqualTo(r.get("offered").get("scores").asInt());
    for (String p : List.of("p50", "p95", "p99")) {
      assertThat(diagnosis.get(p).asDouble()).as(p).isPositive();
      assertThat(r.get("latency_ms").get("alert").has(p)).as("alert " + p).isTrue();
    }
    assertThat(diagnosis.get("p50").asDouble()).isLessThanOrEqualTo(diagnosis.get("p99").asDouble());
    assertThat(r.get("changelog_bytes_by_store").size()).isGreaterThan(5);
    assertThat(r.get("stream_thread_failures").asLong()).isZero();
  }
}
