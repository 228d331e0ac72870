package io.phasewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine cl = new CommandLine(new IngestCommand(o, e));
    cl.setErr(new java.io.PrintWriter(e, true));
    return cl.execute(args);
  }

  @Test
  void dryRunPrintsTypedJsonLinesOnStdoutAndTheSummaryOnStderr(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("tqa.csv"),
        "model,truthfulqa\nEleutherAI/pythia-410m,41.22\nEleutherAI/pythia-70m,oops\n");
    Path mapping = Files.writeString(dir.resolve("m.yaml"),
        "model: model\nscores:\n  - {column: truthfulqa, scale: percent, metric: mc2, n_shot: 0}\n");

    int code = run("--dry-run", "--format", "csv", "--location", csv.toString(), "--mapping", mapping.toString(),
        "--state-dir", dir.resolve("state").toString());

    assertThat(code).isZero();
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines).extracting(n -> n.get("type").asText()).containsExactly("model", "score");
    JsonNode model = lines.get(0);
    assertThat(model.get("model_id").asText()).isEqualTo("eleutherai/pythia-410m");
    assertThat(model.get("family").asText()).isEqualTo("Pythia");
    assertThat(model.get("params_b").asDouble()).isEqualTo(0.41);
    assertThat(model.get("kind").asText()).isEqualTo("base");
    JsonNode score = lines.get(1);
    assertThat(score.get("source").asText()).isEqualTo("csv-tqa");
    assertThat(score.get("benchmark").asText()).isEqualTo("truthfulqa");
    assertThat(score.get("value").asDouble()).isEqualTo(41.22);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(stderr).contains("feed csv-tqa: would publish 2 (scores 1, models 1)")
        .contains("rejected 1 (not_a_number 1)")
        .contains("line 3 (not_a_number, parse)");
    assertThat(dir.resolve("state")).as("a dry run keeps no checkpoint").doesNotExist();
  }

  @Test
  void refusesToRunWithoutAFeed() {
    assertThat(run("--dry-run")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to ingest");
  }

  @Test
  void refusesAnInlineCsvFeedWithoutMappingAndUnknownFormats(@TempDir Path dir) {
    assertThat(run("--dry-run", "--format", "csv", "--location", "x.csv")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--mapping");
    assertThat(run("--dry-run", "--format", "xls", "--location", "x.xls")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown format 'xls'");
  }

  @Test
  void aFeedThatCannotBeReadFailsTheRunWithExitCodeOne(@TempDir Path dir) {
    assertThat(run("--dry-run", "--format", "jsonl", "--location", dir.resolve("missing.jsonl").toString()))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("feed jsonl-missing failed");
  }
}
