package io.phasewatch.ingest.collect;

import static io.phasewatch.ingest.collect.CollectorFixtures.collectAndResolve;
import static io.phasewatch.ingest.collect.CollectorFixtures.feed;
import static io.phasewatch.ingest.collect.OpenLlmV1CollectorTest.model;
import static io.phasewatch.ingest.collect.OpenLlmV1CollectorTest.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.TestFiles;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.feed.FeedFiles;
import io.phasewatch.ingest.resolve.Collected;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The collectors other than v1, each on fixtures cut from the real files. */
class OtherCollectorsTest {

  @Nested
  class OpenLlmV2 {
    @Test
    void readsRawFractionsAndTheExactSafetensorsCount() throws Exception {
      Collected c = collectAndResolve(new OpenLlmV2Collector(), feed("openllm-v2", "openllm_v2_sample.csv"),
          "openllm_v2_sample.csv");
      assertThat(c.rejected()).isEmpty();
      assertThat(c.models()).hasSize(5);
      assertThat(c.scores()).hasSize(5 * 6);
      ScoreRecord ifeval = score(c, "eleutherai/pythia-410m", "ifeval");
      assertThat(ifeval.value()).isEqualTo(0.219545251045005);
      assertThat(ifeval.scale()).isEqualTo(Scale.FRACTION);
      assertThat(score(c, "eleutherai/pythia-410m", "math_lvl5").nShot()).isEqualTo(OptionalInt.of(4));
      assertThat(model(c, "eleutherai/pythia-410m").paramsB()).hasValue(0.506);
      assertThat(model(c, "eleutherai/pythia-410m").provenance().get("params_b"))
          .isEqualTo("column metadata_params_billions");
      assertThat(model(c, "qwen/qwen2.5-7b-instruct").kind()).isEqualTo(ModelKind.CHAT);
      // two Mixtral rows at full precision: the later evaluation (bfloat16, 2024-08-20) wins
      assertThat(score(c, "mistralai/mixtral-8x7b-v0.1", "ifeval").value()).isEqualTo(0.24152692633324);
    }

    @Test
    void refusesATableWithoutItsColumns() {
      assertThatThrownBy(() -> new OpenLlmV2Collector().collect(feed("openllm-v2", "openllm_v1_sample.csv"),
          TestFiles.content("openllm_v1_sample.csv")))
          .isInstanceOf(CollectException.class).hasMessageContaining("model_name");
    }
  }

  @Nested
  class EpochHub {
    @Test
    void takesTheBenchmarkFromTheFileNameAndReadsLabAndDates() throws Exception {
      Collected c = collectAndResolve(new EpochHubCollector(), feed("epoch-hub", "gpqa_diamond.csv"),
          "gpqa_diamond.csv");
      assertThat(c.rejected()).isEmpty();
      assertThat(c.scores()).hasSize(6).allSatisfy(s -> {
        assertThat(s.benchmark()).isEqualTo("gpqa_diamond");
        assertThat(s.scale()).isEqualTo(Scale.FRACTION);
      });
      ScoreRecord r1 = score(c, "deepseek-r1", "gpqa_diamond");
      assertThat(r1.value()).isEqualTo(0.6922348484848484);
      assertThat(r1.evaluatedAt()).hasValue(Instant.parse("2025-05-26T18:38:03.702Z"));
      assertThat(r1.revision()).hasValue("fFGyQR2mfDufvrSV2rzWyV");
      assertThat(model(c, "deepseek-r1").lab()).hasValue("DeepSeek");
      assertThat(model(c, "deepseek-r1").releaseDate()).hasValue(LocalDate.of(2025, 1, 20));
      // the multi-line quoted notes of the Mixtral row do not break the table
      assertThat(score(c, "mixtral-8x7b-instruct-v0.1", "gpqa_diamond").value()).isEqualTo(0.3058712121212121);
      assertThat(model(c, "mixtral-8x7b-instruct-v0.1").paramsB()).hasValue(46.7);
    }

    @Test
    void mergesEffortVariantsByRewriteAndKeepsTheLatestRun() throws Exception {
      FeedConfig base = feed("epoch-hub", "gpqa_diamond.csv");
      FeedConfig feed = new FeedConfig(base.id(), base.format(), base.location(), Optional.empty(), Optional.empty(),
          0, false, List.of(), Optional.empty(), List.of(), Optional.of(ModelKind.CHAT), List.of("frontier"),
          List.of(new FeedConfig.Rewrite("_(\\d+K|low|medium|high|xhigh|max|unknown|none)$", "")),
          Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), base.baseDir());
      Collected c = collectAndResolve(new EpochHubCollector(), feed, "gpqa_diamond.csv");
      // claude-opus-4-6_32K ran at 02:17:07.741, _64K at 02:17:05.633: the later run is kept
      assertThat(score(c, "claude-opus-4-6", "gpqa_diamond").value()).isEqualTo(0.9053030303030303);
      assertThat(model(c, "claude-opus-4-6").cohorts()).containsExactly("frontier");
      assertThat(model(c, "claude-opus-4-6").kind()).isEqualTo(ModelKind.CHAT);
      assertThat(model(c, "claude-opus-4-6").family()).isEqualTo("Claude");
      assertThat(model(c, "claude-opus-4-6").provenance().get("model_id"))
          .isEqualTo("from 'claude-opus-4-6_32K' by model_rewrites");
    }

    @Test
    void readsTheAccuracyColumnOfExternalLeaderboardsAndKeepsTheFirstOfUndatedDuplicates() throws Exception {
      Collected c = collectAndResolve(new EpochHubCollector(), feed("epoch-hub", "hle_external.csv"),
          "hle_external.csv");
      assertThat(c.scores()).extracting(ScoreRecord::modelId, ScoreRecord::benchmark, ScoreRecord::value)
          .containsExactly(
              tuple("claude-opus-4-1-20250805_unknown", "hle", 0.1152),
              tuple("claude-opus-4-6", "hle", 0.19),
              tuple("gemini-3-pro-preview", "hle", 0.37520000000000003));
    }
  }

  @Nested
  class LmEvalJson {
    @Test
    void readsTheConfiguredMetricOfEachTask() throws Exception {
      Collected c = collectAndResolve(new LmEvalJsonCollector(), feed("lm-eval-json", "lm_eval_pythia-410m.json"),
          "lm_eval_pythia-410m.json");
      assertThat(c.rejected()).isEmpty();
      assertThat(c.scores()).extracting(ScoreRecord::benchmark, ScoreRecord::value, ScoreRecord::nShot)
          .containsExactlyInAnyOrder(
              tuple("arc", 0.2619, OptionalInt.of(25)),
              tuple("hellaswag", 0.4085, OptionalInt.of(10)),
              tuple("mmlu", 0.2725, OptionalInt.of(5)),
              tuple("truthfulqa", 0.4122, OptionalInt.of(0)),
              tuple("winogrande", 0.5312, OptionalInt.of(5)),
              tuple("gsm8k", 0.0068, OptionalInt.of(5)));
      ScoreRecord tqa = score(c, "eleutherai/pythia-410m", "truthfulqa");
      assertThat(tqa.metric()).hasValue("acc,none");
      assertThat(tqa.scale()).isEqualTo(Scale.FRACTION);
      assertThat(tqa.evaluatedAt()).hasValue(Instant.parse("2024-06-09T14:59:33Z"));
      assertThat(model(c, "eleutherai/pythia-410m").family()).isEqualTo("Pythia");
    }

    @Test
    void rejectsAResultsFileThatNamesNoModel() throws Exception {
      String json = "{\"results\": {\"hellaswag\": {\"acc_norm,none\": 0.5}}, \"config\": {}}";
      RowBatch b = new LmEvalJsonCollector().collect(feed("lm-eval-json", "lm_eval_pythia-410m.json"),
          new io.phasewatch.ingest.fetch.Fetched.Content(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              Instant.EPOCH, io.phasewatch.ingest.fetch.Validators.none()));
      assertThat(b.rows()).isEmpty();
      assertThat(b.rejected()).extracting(Rejection::reason).containsExactly(RejectReason.MISSING_MODEL);
    }
  }

  @Nested
  class MappedCsv {
    @Test
    void readsColumnsThroughTheMapping() throws Exception {
      FeedConfig feed = feed("csv", "base_models_sample.csv")
          .withMapping(FeedFiles.loadMapping(TestFiles.fixture("base_models_mapping.yaml")));
      Collected c = collectAndResolve(new MappedCsvCollector(), feed, "base_models_sample.csv");
      assertThat(c.rejected()).isEmpty();
      assertThat(c.models()).extracting(m -> m.modelId())
          .containsExactly("eleutherai/pythia-1.4b", "eleutherai/pythia-410m", "eleutherai/pythia-70m",
              "tiiuae/falcon-180b");
      assertThat(c.scores()).hasSize(4 * 3);
      // falcon-180B: the 8bit row (hellaswag 88.86) beats the 4bit row (88.89)
      assertThat(score(c, "tiiuae/falcon-180b", "hellaswag").value()).isEqualTo(88.86);
      assertThat(model(c, "tiiuae/falcon-180b").paramsB()).hasValue(180.0);
      assertThat(model(c, "tiiuae/falcon-180b").provenance())
          .containsEntry("params_b", "column params_b")
          .containsEntry("family", "column family");
      assertThat(score(c, "eleutherai/pythia-70m", "truthfulqa").metric()).hasValue("mc2");
    }

    @Test
    void needsAMapping() {
      assertThatThrownBy(() -> new MappedCsvCollector().collect(feed("csv", "base_models_sample.csv"),
          TestFiles.content("base_models_sample.csv")))
          .isInstanceOf(CollectException.class).hasMessageContaining("mapping");
    }
  }

  @Nested
  class JsonLines {
    @Test
    void readsModelAndScoreLinesAndRejectsBrokenOnes() throws Exception {
      Collected c = collectAndResolve(new JsonLinesCollector(), feed("jsonl", "own_producer.jsonl"),
          "own_producer.jsonl");
      assertThat(c.models()).singleElement().satisfies(m -> {
        assertThat(m.modelId()).isEqualTo("acme/widget-3b");
        assertThat(m.family()).isEqualTo("Widget");
        assertThat(m.paramsB()).hasValue(3.1);
        assertThat(m.kind()).isEqualTo(ModelKind.BASE);
        assertThat(m.lab()).hasValue("Acme");
      });
      assertThat(c.scores()).extracting(ScoreRecord::source, ScoreRecord::benchmark, ScoreRecord::value, ScoreRecord::scale)
          .containsExactly(
              tuple("test-feed", "hellaswag", 61.5, Scale.PERCENT),
              tuple("test-feed", "truthfulqa", 0.402, Scale.FRACTION));
      assertThat(c.rejected()).extracting(Rejection::reason, Rejection::line, Rejection::stage)
          .containsExactlyInAnyOrder(
              tuple(RejectReason.MISSING_FIELD, 5L, Rejection.Stage.PARSE),
              tuple(RejectReason.MALFORMED_ROW, 6L, Rejection.Stage.PARSE),
              tuple(RejectReason.OUT_OF_RANGE, 7L, Rejection.Stage.VALIDATE));
      assertThat(c.rejected()).filteredOn(r -> r.line() == 7L).singleElement()
          .satisfies(r -> assertThat(r.key()).isEqualTo("test-feed|acme/widget-3b|hellaswag"));
    }
  }
}
