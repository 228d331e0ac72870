package io.phasewatch.ingest.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.fetch.Fetched;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON Lines of {@link ScoreRecord}s and {@link ModelRecord}s, for anyone's own producer. A line
 * is a model when its {@code "type"} is {@code "model"} (or, without a type, when it has no
 * {@code benchmark}); otherwise a score. This is also what {@code ingest --dry-run} prints, so a
 * dry run's output can be replayed as a feed. Scores are published under this feed's id, whatever
 * {@code source} a line names. Blank lines are skipped.
 */
public final class JsonLinesCollector implements Collector {

  @Override
  public String format() {
    return "jsonl";
  }

  @Override
  public RowBatch collect(FeedConfig feed, Fetched.Content content) {
    ObjectMapper json = Json.mapper();
    List<SourceRow> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    String[] lines = content.text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      long lineNr = i + 1L;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = json.readTree(line);
        if (!node.isObject()) {
          throw new Cells.RowProblem(RejectReason.MALFORMED_ROW, "not a JSON object");
        }
        String type = node.path("type").asText("");
        boolean isModel = type.equals("model") || (type.isEmpty() && !node.has("benchmark"));
        rows.add(isModel ? modelRow(json, node, lineNr, line) : scoreRow(json, node, lineNr, line));
      } catch (JsonProcessingException e) {
        rejected.add(Rejection.parse(RejectReason.MALFORMED_ROW, lineNr, feed.id(), line,
            "not a valid record: " + e.getOriginalMessage()));
      } catch (Cells.RowProblem p) {
        rejected.add(Rejection.parse(p.reason, lineNr, feed.id(), line, p.getMessage()));
      }
    }
    return new RowBatch(rows, rejected);
  }

  private static SourceRow scoreRow(ObjectMapper json, JsonNode node, long line, String original)
      throws JsonProcessingException, Cells.RowProblem {
    for (String field : List.of("model_id", "benchmark", "value", "scale")) {
      if (!node.hasNonNull(field)) {
        throw new Cells.RowProblem(RejectReason.MISSING_FIELD, "a score line needs " + field);
      }
    }
    if (!node.get("value").isNumber()) {
      throw new Cells.RowProblem(RejectReason.NOT_A_NUMBER, "value is not a number: " + node.get("value"));
    }
    ScoreRecord s = json.treeToValue(node, ScoreRecord.class);
    return SourceRow.builder(line, original, s.modelId())
        .score(new RawScore(s.benchmark(), s.value(), s.scale(), s.metric(), s.nShot()))
        .evaluatedAt(s.evaluatedAt())
        .revision(s.revision())
        .sourceUrl(s.sourceUrl())
        .build();
  }

  private static SourceRow modelRow(ObjectMapper json, JsonNode node, long line, String original)
      throws JsonProcessingException, Cells.RowProblem {
    if (!node.hasNonNull("model_id")) {
      throw new Cells.RowProblem(RejectReason.MISSING_MODEL, "a model line needs model_id");
    }
    ModelRecord m = json.treeToValue(node, ModelRecord.class);
    SourceRow.Builder b = SourceRow.builder(line, original, m.modelId())
        .family(Optional.ofNullable(m.family()), "family")
        .lab(m.lab())
        .releaseDate(m.releaseDate())
        .cohorts(m.cohorts());
    if (node.hasNonNull("kind")) {
      b.kind(m.kind(), "kind");
    }
    m.paramsB().ifPresent(p -> b.paramsB(p, "params_b"));
    m.dModel().ifPresent(w -> b.dModel(w, "d_model"));
    return b.build();
  }
}
