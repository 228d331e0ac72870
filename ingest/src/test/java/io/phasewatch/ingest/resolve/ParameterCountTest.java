package io.phasewatch.ingest.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterCountTest {
  private final ModelTables tables = ModelTables.defaults();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "eleutherai/pythia-410m, 0.41",
      "meta-llama/llama-2-7b-hf, 7",
      "qwen/qwen1.5-0.5b, 0.5",
      "mistralai/mixtral-8x7b-v0.1, 46.7",
      "mistralai/mixtral-8x22b-v0.1, 141",
      "bigscience/bloom-1b1, 1.1",
      "bigscience/bloom-7b1, 7.1",
      "rwkv/rwkv-4-1b5-pile, 1.5",
      "stabilityai/stablelm-2-1_6b, 1.6",
      "openlm-research/open_llama_3b_v2, 3",
      "rwkv/rwkv-4-169m-pile, 0.169",
      "facebook/xglm-564m, 0.564",
      "meta-llama/meta-llama-3-8b, 8",
      "mistralai/mistral-7b-v0.1, 7",
      "01-ai/yi-1.5-34b, 34",
      "microsoft/phi-2, 2.78",
      "microsoft/phi-1_5, 1.42",
      "openai-community/gpt2-xl, 1.558",
      "bigscience/bloom, 176",
      "llama-4-scout-17b-16e-instruct, 109",
      "qwen3-235b-a22b, 235"})
  void readsTheSizeFromTheName(String id, double expected) {
    assertThat(ParameterCount.fromName(id, tables)).get()
        .extracting(Resolved::value).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude-opus-4-6", "gpt-4o-2024-11-20", "acme/mixture-8x3b", "qwen/qwen1.5", "o3-2025-04-16_high"})
  void givesNoSizeWhenTheNameHasNoneItKnows(String id) {
    assertThat(ParameterCount.fromName(id, tables)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "eleutherai/pythia-410m, name token 410m",
      "microsoft/phi-2, table params_by_name[phi-2]",
      "mistralai/mixtral-8x7b-v0.1, table params_by_moe_shape[8x7b]"})
  void saysWhereTheCountCameFrom(String id, String provenance) {
    assertThat(ParameterCount.fromName(id, tables).orElseThrow().provenance()).isEqualTo(provenance);
  }
}
