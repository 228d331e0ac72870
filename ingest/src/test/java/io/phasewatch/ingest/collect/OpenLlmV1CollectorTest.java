package io.phasewatch.ingest.collect;

import static io.phasewatch.ingest.collect.CollectorFixtures.collectAndResolve;
import static io.phasewatch.ingest.collect.CollectorFixtures.feed;
import static io.phasewatch.ingest.collect.CollectorFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.TestFiles;
import io.phasewatch.ingest.resolve.Collected;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OpenLlmV1CollectorTest {
  private final OpenLlmV1Collector collector = new OpenLlmV1Collector();

  @Test
  void readsEveryRowWithSixPercentScores() throws Exception {
    RowBatch batch = collector.collect(feed("openllm-v1", "openllm_v1_sample.csv"),
        TestFiles.content("openllm_v1_sample.csv"));
    assertThat(batch.rejected()).isEmpty();
    assertThat(batch.rows()).hasSize(12);
    assertThat(batch.rows()).allSatisfy(r -> assertThat(r.scores()).hasSize(6));
    SourceRow pythia = batch.rows().stream().filter(r -> r.modelName().equals("EleutherAI/pythia-410m"))
        .findFirst().orElseThrow();
    // file line 6692: arc 26.19, hellaswag 40.85, mmlu 27.25, truthfulqa 41.22, winogrande 53.12, gsm8k 0.68
    assertThat(pythia.scores()).extracting(RawScore::benchmark, RawScore::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("arc", 26.19),
            org.assertj.core.groups.Tuple.tuple("hellaswag", 40.85),
            org.assertj.core.groups.Tuple.tuple("mmlu", 27.25),
            org.assertj.core.groups.Tuple.tuple("truthfulqa", 41.22),
            org.assertj.core.groups.Tuple.tuple("winogrande", 53.12),
            org.assertj.core.groups.Tuple.tuple("gsm8k", 0.68));
    assertThat(pythia.line()).isEqualTo(11);
    assertThat(pythia.original()).startsWith("?,EleutherAI/pythia-410m,31.55,");
  }

  @Test
  void prefersFullPrecisionThenTheLatestEvaluationAmongDuplicateRows() throws Exception {
    Collected c = collectAndResolve(collector, feed("openllm-v1", "openllm_v1_sample.csv"), "openllm_v1_sample.csv");
    // Mixtral: float16 of 2024-01-01 (86.46) beats bfloat16 of 2023-12-11 (86.49) and 4bit (85.7)
    assertThat(score(c, "mistralai/mixtral-8x7b-v0.1", "hellaswag").value()).isEqualTo(86.46);
    // Llama-2-7b: float16 (78.59) over the 4bit row (77.74)
    assertThat(score(c, "meta-llama/llama-2-7b-hf", "hellaswag").value()).isEqualTo(78.59);
    // gpt2: float16 (31.53) over the later 8bit evaluation (31.58)
    assertThat(score(c, "openai-community/gpt2", "hellaswag").value()).isEqualTo(31.53);
    ModelRecord mixtral = model(c, "mistralai/mixtral-8x7b-v0.1");
    assertThat(mixtral.provenance().get("row"))
        .startsWith("line 4 of 3 rows (precision float16, evaluated 2024-01-01T02:10:23Z)");
  }

  @Test
  void resolvesMetadataFromNamesTablesAndTypeColumn() throws Exception {
    Collected c = collectAndResolve(collector, feed("openllm-v1", "openllm_v1_sample.csv"), "openllm_v1_sample.csv");
    assertThat(c.models()).hasSize(8);
    assertThat(c.scores()).hasSize(8 * 6);
    assertThat(c.rejected()).isEmpty();

    ModelRecord pythia14 = model(c, "eleutherai/pythia-1.4b");
    assertThat(pythia14.family()).isEqualTo("Pythia");
    assertThat(pythia14.paramsB()).hasValue(1.4);
    assertThat(pythia14.dModel()).isEqualTo(OptionalInt.of(2048));
    assertThat(pythia14.provenance().get("model_id"))
        .isEqualTo("from 'EleutherAI/pythia-1.3b' by lower case, alias table");

    ModelRecord pythia410 = model(c, "eleutherai/pythia-410m");
    assertThat(pythia410.paramsB()).hasValue(0.41);
    assertThat(pythia410.kind()).as("empty type, official base repository").isEqualTo(ModelKind.BASE);
    assertThat(pythia410.provenance().get("params_b")).isEqualTo("name token 410m");

    assertThat(model(c, "mistralai/mixtral-8x7b-v0.1").paramsB()).hasValue(46.7);
    assertThat(model(c, "qwen/qwen1.5-0.5b").paramsB()).hasValue(0.5);
    assertThat(model(c, "paloalma/le_triomphant-ece-tw3").kind()).isEqualTo(ModelKind.MERGE);
    assertThat(model(c, "paloalma/le_triomphant-ece-tw3").family()).isEqualTo("unknown");
    assertThat(model(c, "contamination/contaminated_proof_7b_v1.0").kind()).isEqualTo(ModelKind.CHAT);
  }

  @Test
  void scoreRecordsCarryMetricShotsRevisionAndDates() throws Exception {
    Collected c = collectAndResolve(collector, feed("openllm-v1", "openllm_v1_sample.csv"), "openllm_v1_sample.csv");
    ScoreRecord tqa = score(c, "eleutherai/pythia-410m", "truthfulqa");
    assertThat(tqa.key()).isEqualTo("test-feed|eleutherai/pythia-410m|truthfulqa");
    assertThat(tqa.value()).isEqualTo(41.22);
    assertThat(tqa.scale()).isEqualTo(Scale.PERCENT);
    assertThat(tqa.metric()).hasValue("mc2");
    assertThat(tqa.nShot()).isEqualTo(OptionalInt.of(0));
    assertThat(tqa.revision()).hasValue("9879c9b5f8bea9051dcb0e68dff21493d67e9d4f");
    assertThat(tqa.evaluatedAt()).hasValue(Instant.parse("2024-06-09T14:59:33Z"));
    assertThat(tqa.fetchedAt()).hasValue(CollectorFixtures.FETCHED);
    assertThat(tqa.sourceUrl()).hasValue("https://huggingface.co/EleutherAI/pythia-410m");
  }

  @Test
  void rejectsARowWithANonNumericScoreAndKeepsTheOthers() throws Exception {
    String text = "t,model,average,arc,hellaswag,mmlu,truthfulqa,winogrande,gsm8k,type,precision,model_sha,date\n"
        + "🟢,acme/a-1b,1,2,3,4,5,6,7,🟢 pretrained,float16,abc,2024-01-01T00:00:00Z\n"
        + "🟢,acme/b-2b,1,2,x,4,5,6,7,🟢 pretrained,float16,abc,2024-01-01T00:00:00Z\n"
        + "🟢,acme/c-3b,1,2,3\n";
    RowBatch batch = collector.collect(feed("openllm-v1", "openllm_v1_sample.csv"),
        new io.phasewatch.ingest.fetch.Fetched.Content(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            CollectorFixtures.FETCHED, io.phasewatch.ingest.fetch.Validators.none()));
    assertThat(batch.rows()).extracting(SourceRow::modelName).containsExactly("acme/a-1b");
    assertThat(batch.rejected()).extracting(Rejection::reason, Rejection::line)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(RejectReason.MALFORMED_ROW, 4L),
            org.assertj.core.groups.Tuple.tuple(RejectReason.NOT_A_NUMBER, 3L));
    assertThat(batch.rejected()).filteredOn(r -> r.line() == 3L).singleElement()
        .satisfies(r -> {
          assertThat(r.original()).isEqualTo("🟢,acme/b-2b,1,2,x,4,5,6,7,🟢 pretrained,float16,abc,2024-01-01T00:00:00Z");
          assertThat(r.detail()).contains("hellaswag");
          assertThat(r.key()).isEqualTo("test-feed|3");
        });
  }

  static ScoreRecord score(Collected c, String model, String benchmark) {
    return only(c.scores().stream().filter(s -> s.modelId().equals(model) && s.benchmark().equals(benchmark)).toList());
  }

  static ModelRecord model(Collected c, String id) {
    return only(c.models().stream().filter(m -> m.modelId().equals(id)).toList());
  }
}
