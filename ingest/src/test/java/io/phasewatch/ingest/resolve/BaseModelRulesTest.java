package io.phasewatch.ingest.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.ingest.TestFiles;
import io.phasewatch.ingest.collect.RowBatch;
import io.phasewatch.ingest.collect.SourceRow;
import io.phasewatch.ingest.feed.FeedConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The name and metadata rules on every row of shared/data/derived/openllm_v1_base_models.csv:
 * its family and params_b columns were curated independently (SOURCES.md §6), so they are the
 * expected values for what the rules derive from the model name alone.
 */
class BaseModelRulesTest {

  @Test
  void resolvesFamilyParametersAndKindOfEveryCuratedBaseModelFromItsName() throws IOException {
    Path file = TestFiles.sharedData().resolve("derived/openllm_v1_base_models.csv");
    List<Map<String, String>> expected = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper()
        .readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      it.forEachRemaining(expected::add);
    }
    assertThat(expected).hasSize(130);

    RowResolver resolver = RowResolver.defaults();
    FeedConfig feed = FeedConfig.inline("derived", "csv", file.toString(), Optional.empty(), file.getParent());
    assertSoftly(soft -> {
      for (int i = 0; i < expected.size(); i++) {
        Map<String, String> row = expected.get(i);
        // each row on its own, with only what the v1 table gives: name and type column
        SourceRow source = SourceRow.builder(i + 2, "", row.get("model"))
            .typeLabel(Optional.of(row.get("type"))).build();
        ModelRecord m = resolver.resolve(feed, FamilyRules.of(List.of(), "none"),
            new RowBatch(List.of(source), List.of()), Instant.EPOCH, Optional.empty()).models().get(0);
        String model = row.get("model");
        soft.assertThat(m.modelId()).as("id of %s", model).isEqualTo(row.get("canonical_model"));
        soft.assertThat(m.family()).as("family of %s", model).isEqualTo(row.get("family"));
        soft.assertThat(m.paramsB()).as("params_b of %s", model)
            .hasValue(Double.parseDouble(row.get("params_b")));
        soft.assertThat(m.kind()).as("kind of %s (type '%s')", model, row.get("type")).isEqualTo(ModelKind.BASE);
        soft.assertThat(m.provenance()).as("provenance of %s", model)
            .containsKeys("family", "params_b", "kind", "model_id", "row");
      }
    });
  }
}
