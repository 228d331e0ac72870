package io.phasewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.core.domain.Json;
import io.phasewatch.ingest.collect.Collectors;
import io.phasewatch.ingest.fetch.SourceFetcher;
import io.phasewatch.ingest.feed.FeedFiles;
import io.phasewatch.ingest.publish.Checkpoint;
import io.phasewatch.ingest.resolve.RowResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled feeds in a dry run: each model record carries the name its file spells, and each
 * score carries the cohorts its feed declares, so a curated panel or a dated snapshot stays apart
 * from another feed's figures for the same model downstream.
 */
class BundledFeedsTest {
  @TempDir
  Path state;

  private List<JsonNode> dryRun(String feedFile) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IngestRun run = new IngestRun(Collectors.builtIn(), RowResolver.defaults(), new SourceFetcher(),
        new Checkpoint.Store(state), Optional.empty(), "dry-run",
        Optional.of(new PrintStream(out, true, StandardCharsets.UTF_8)),
        new PrintStream(OutputStream.nullOutputStream()));
    run.run(FeedFiles.load(TestFiles.projectRoot().resolve("feeds").resolve(feedFile)));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(Json.mapper().readTree(line));
      }
    }
    return lines;
  }

  private static Set<String> modelColumn(String csv) throws IOException {
    Set<String> names = new TreeSet<>();
    List<String> rows = Files.readAllLines(
        TestFiles.projectRoot().resolve("data").resolve("bundled").resolve(csv));
    for (String row : rows.subList(1, rows.size())) {
      names.add(row.substring(0, row.indexOf(',')));
    }
    return names;
  }

  private static Set<String> texts(List<JsonNode> lines, String type, String field) {
    Set<String> out = new TreeSet<>();
    lines.stream().filter(l -> l.get("type").asText().equals(type))
        .forEach(l -> out.add(l.get(field).isArray() ? l.get(field).toString()
            : l.get(field).asText()));
    return out;
  }

  @Test
  void paperPanelScoresCarryItsCohortAndModelsTheirSpelling() throws Exception {
    List<JsonNode> lines = dryRun("bundled-paper-panel.yaml");
    assertThat(texts(lines, "model", "name")).isEqualTo(modelColumn("paper_panel.csv"));
    assertThat(texts(lines, "score", "cohorts")).containsExactly("[\"paper-panel\"]");
    assertThat(texts(lines, "model", "model_id")).contains("eleutherai/pythia-70m");
  }

  @Test
  void baseModelScoresBelongToNoCohort() throws Exception {
    List<JsonNode> lines = dryRun("bundled-base-models.yaml");
    assertThat(texts(lines, "model", "name")).isEqualTo(modelColumn("base_models.csv"));
    assertThat(texts(lines, "score", "cohorts")).containsExactly("[]");
  }

  @Test
  void eachEpochSnapshotIsItsOwnCohort() throws Exception {
    assertThat(texts(dryRun("bundled-frontier-epoch-2026-01.yaml"), "score", "cohorts"))
        .containsExactly("[\"frontier_epoch_2026-01\"]");
    assertThat(texts(dryRun("bundled-frontier-epoch-2026-04.yaml"), "score", "cohorts"))
        .containsExactly("[\"frontier_epoch_2026-04\"]");
  }
}
