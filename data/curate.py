#!/usr/bin/env python3
"""Regenerates data/bundled/*.csv from the shared public-data snapshot.

Documentation of how the bundled snapshot was made (see data/CURATION.md); the build and CI
never run it. Python 3 standard library only.

    python3 data/curate.py [SHARED_DATA_DIR]   # default: ../shared/data next to the repository

Values are copied as text, never re-formatted, so every number in data/bundled/ can be found
verbatim in the source file it came from.
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "bundled")

# Hidden width (config `hidden_size` / `d_model` / `n_embd`) of each model, from its public
# architecture configuration or paper. Left out when not known reliably: correctness over coverage.
D_MODEL = {
    # Pythia and Pythia-deduped (Biderman et al. 2023, table 1)
    "eleutherai/pythia-70m": 512, "eleutherai/pythia-160m": 768, "eleutherai/pythia-410m": 1024,
    "eleutherai/pythia-1b": 2048, "eleutherai/pythia-1.4b": 2048, "eleutherai/pythia-2.8b": 2560,
    "eleutherai/pythia-6.9b": 4096, "eleutherai/pythia-12b": 5120,
    # GPT-2 (n_embd)
    "openai-community/gpt2": 768, "openai-community/gpt2-medium": 1024,
    "openai-community/gpt2-large": 1280, "openai-community/gpt2-xl": 1600,
    # GPT-Neo / GPT-J / GPT-NeoX
    "eleutherai/gpt-neo-125m": 768, "eleutherai/gpt-neo-1.3b": 2048, "eleutherai/gpt-neo-2.7b": 2560,
    "eleutherai/gpt-j-6b": 4096, "eleutherai/gpt-neox-20b": 6144,
    # OPT (Zhang et al. 2022, table 1)
    "facebook/opt-125m": 768, "facebook/opt-350m": 1024, "facebook/opt-1.3b": 2048,
    "facebook/opt-2.7b": 2560, "facebook/opt-6.7b": 4096, "facebook/opt-13b": 5120,
    "facebook/opt-30b": 7168, "facebook/opt-66b": 9216,
    # LLaMA-1 (Touvron et al. 2023a, table 2), Llama-2, Llama-3
    "huggyllama/llama-7b": 4096, "huggyllama/llama-13b": 5120, "huggyllama/llama-30b": 6656,
    "huggyllama/llama-65b": 8192,
    "meta-llama/llama-2-7b-hf": 4096, "meta-llama/llama-2-13b-hf": 5120,
    "meta-llama/llama-2-70b-hf": 8192,
    "meta-llama/meta-llama-3-8b": 4096, "meta-llama/meta-llama-3-70b": 8192,
    # Mistral / Mixtral
    "mistralai/mistral-7b-v0.1": 4096, "mistralai/mixtral-8x7b-v0.1": 4096,
    "mistralai/mixtral-8x22b-v0.1": 6144,
    # BLOOM (BigScience 2022, table 3)
    "bigscience/bloom-560m": 1024, "bigscience/bloom-1b1": 1536, "bigscience/bloom-1b7": 2048,
    "bigscience/bloom-3b": 2560, "bigscience/bloom-7b1": 4096, "bigscience/bloom": 14336,
    # Cerebras-GPT (Dey et al. 2023, table 1)
    "cerebras/cerebras-gpt-111m": 768, "cerebras/cerebras-gpt-256m": 1088,
    "cerebras/cerebras-gpt-590m": 1536, "cerebras/cerebras-gpt-1.3b": 2048,
    "cerebras/cerebras-gpt-2.7b": 2560, "cerebras/cerebras-gpt-6.7b": 4096,
    "cerebras/cerebras-gpt-13b": 5120,
    # Falcon (falcon-11B left out: not checked)
    "tiiuae/falcon-rw-1b": 2048, "tiiuae/falcon-7b": 4544, "tiiuae/falcon-40b": 8192,
    "tiiuae/falcon-180b": 14848,
    # MPT
    "mosaicml/mpt-7b": 4096, "mosaicml/mpt-30b": 7168,
    # OpenLLaMA v1 and v2 (LLaMA architecture; 3B uses 3200)
    "openlm-research/open_llama_3b": 3200, "openlm-research/open_llama_7b": 4096,
    "openlm-research/open_llama_13b": 5120, "openlm-research/open_llama_3b_v2": 3200,
    "openlm-research/open_llama_7b_v2": 4096,
    # RedPajama-INCITE (GPT-NeoX architecture)
    "togethercomputer/redpajama-incite-base-3b-v1": 2560,
    "togethercomputer/redpajama-incite-7b-base": 4096,
    # Qwen, Qwen1.5, Qwen2
    "qwen/qwen-7b": 4096, "qwen/qwen-14b": 5120, "qwen/qwen-72b": 8192,
    "qwen/qwen1.5-0.5b": 1024, "qwen/qwen1.5-1.8b": 2048, "qwen/qwen1.5-4b": 2560,
    "qwen/qwen1.5-7b": 4096, "qwen/qwen1.5-14b": 5120, "qwen/qwen1.5-32b": 5120,
    "qwen/qwen1.5-72b": 8192, "qwen/qwen1.5-110b": 8192,
    "qwen/qwen2-0.5b": 896, "qwen/qwen2-1.5b": 1536, "qwen/qwen2-7b": 3584, "qwen/qwen2-72b": 8192,
    # Phi, Gemma
    "microsoft/phi-1_5": 2048, "microsoft/phi-2": 2560,
    "google/gemma-2b": 2048, "google/gemma-7b": 3072,
    # StableLM
    "stabilityai/stablelm-base-alpha-3b": 4096, "stabilityai/stablelm-base-alpha-7b": 6144,
    "stabilityai/stablelm-2-1_6b": 2048, "stabilityai/stablelm-2-12b": 5120,
    # OLMo, Yi, Yi-1.5, DeepSeek-LLM, InternLM2
    "allenai/olmo-1b-hf": 2048, "allenai/olmo-7b-hf": 4096,
    "01-ai/yi-6b": 4096, "01-ai/yi-9b": 4096, "01-ai/yi-34b": 7168,
    "01-ai/yi-1.5-6b": 4096, "01-ai/yi-1.5-9b": 4096, "01-ai/yi-1.5-34b": 7168,
    "deepseek-ai/deepseek-llm-67b-base": 8192,
    "internlm/internlm2-7b": 4096, "internlm/internlm2-20b": 6144,
    # RWKV-4 Pile (n_embd)
    "rwkv/rwkv-4-169m-pile": 768, "rwkv/rwkv-4-430m-pile": 1024, "rwkv/rwkv-4-1b5-pile": 2048,
    "rwkv/rwkv-4-3b-pile": 2560, "rwkv/rwkv-4-7b-pile": 4096, "rwkv/rwkv-4-14b-pile": 5120,
    # XGLM (xglm-4.5B left out: not checked)
    "facebook/xglm-564m": 1024, "facebook/xglm-1.7b": 2048, "facebook/xglm-7.5b": 4096,
}
for size in ("70m", "160m", "410m", "1b", "1.4b", "2.8b", "6.9b", "12b"):
    D_MODEL["eleutherai/pythia-%s-deduped" % size] = D_MODEL["eleutherai/pythia-" + size]

# The repository id a model is published under today, where the leaderboard row used an old name.
CURRENT_NAME = {
    "eleutherai/pythia-2.8b": "EleutherAI/pythia-2.8b",
    "eleutherai/pythia-6.9b": "EleutherAI/pythia-6.9b",
    "openai-community/gpt2-xl": "openai-community/gpt2-xl",
}
FAMILY_RENAME = {"LLaMA-1": "Llama-1"}  # one spelling with the paper panel

OPENLLM_V1 = "open-llm-leaderboard-v1"
MATRIX = "llm-benchmark-matrix@e93b33f"
EPOCH = {"epoch_hub_2026-01": "epoch-benchmarking-hub-2026-01",
         "epoch_hub_2026-04": "epoch-benchmarking-hub-2026-04"}
LAB_RENAME = {"Google DeepMind,Google": "Google DeepMind"}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print("wrote %s (%d rows)" % (name, len(rows)))


def base_models(shared):
    rows = [r for r in read_csv(os.path.join(shared, "derived", "openllm_v1_base_models.csv"))
            if r["primary"] == "1"]
    out = []
    for r in rows:
        canonical = r["canonical_model"]
        model = CURRENT_NAME.get(canonical, r["model"])
        assert model.lower() == canonical, (model, canonical)
        d_model = D_MODEL.get(canonical, "")
        evaluated = r["date"][:10]
        source = "%s;revision=%s;precision=%s" % (OPENLLM_V1, r["model_sha"][:12], r["precision"])
        if r["model"] != model:
            source += ";listed_as=" + r["model"]
        out.append([model, FAMILY_RENAME.get(r["family"], r["family"]), r["params_b"], d_model,
                    r["hellaswag"], r["truthfulqa"], r["arc"], r["winogrande"], r["mmlu"],
                    r["gsm8k"], evaluated, source])
    out.sort(key=lambda row: (row[1].lower(), float(row[2]), row[0].lower()))
    write_csv("base_models.csv",
              ["model", "family", "params_b", "d_model", "hellaswag", "truthfulqa", "arc",
               "winogrande", "mmlu", "gsm8k", "evaluated_at", "source"], out)
    return out


# METHOD.md §1.4 table, as the author's scripts/bootstrap_Nc.py has it
# (adilamin89/cape-scaling @ 1605e118c7fa7fef81de80e1f1243fd1df8dfccc).
PAPER_PANEL = [
    ("EleutherAI/pythia-70m", "Pythia", "0.07", "27.29", "47.64", "eleutherai/pythia-70m"),
    ("EleutherAI/pythia-160m", "Pythia", "0.16", "29.59", "43.52", "eleutherai/pythia-160m"),
    ("EleutherAI/pythia-410m", "Pythia", "0.41", "40.56", "40.34", "eleutherai/pythia-410m"),
    ("EleutherAI/pythia-1b", "Pythia", "1", "47.16", "38.67", "eleutherai/pythia-1b"),
    ("EleutherAI/pythia-1.4b", "Pythia", "1.4", "52.01", "38.66", "eleutherai/pythia-1.4b"),
    ("EleutherAI/pythia-2.8b", "Pythia", "2.8", "59.37", "35.56", "eleutherai/pythia-2.8b"),
    ("EleutherAI/pythia-6.9b", "Pythia", "6.9", "64.02", "32.76", "eleutherai/pythia-6.9b"),
    ("EleutherAI/pythia-12b", "Pythia", "12", "67.30", "32.47", "eleutherai/pythia-12b"),
    ("huggyllama/llama-7b", "Llama-1", "7", "77.81", "34.33", "huggyllama/llama-7b"),
    ("huggyllama/llama-13b", "Llama-1", "13", "80.92", "39.48", "huggyllama/llama-13b"),
    ("huggyllama/llama-65b", "Llama-1", "65", "86.09", "43.43", "huggyllama/llama-65b"),
    ("meta-llama/Llama-2-7b-hf", "Llama-2", "7", "77.74", "38.98", "meta-llama/llama-2-7b-hf"),
    ("meta-llama/Llama-2-13b-hf", "Llama-2", "13", "82.10", "37.40", "meta-llama/llama-2-13b-hf"),
    ("meta-llama/Llama-2-70b-hf", "Llama-2", "70", "87.30", "44.90", "meta-llama/llama-2-70b-hf"),
]


def paper_panel():
    out = [[m, fam, p, D_MODEL[key], hs, tqa, "", "arXiv:2605.18838 panel;cape-scaling scripts/bootstrap_Nc.py@1605e118"]
           for (m, fam, p, hs, tqa, key) in PAPER_PANEL]
    write_csv("paper_panel.csv",
              ["model", "family", "params_b", "d_model", "hellaswag", "truthfulqa", "evaluated_at",
               "source"], out)


FRONTIER_HEADER = ["model", "lab", "release_date", "swe_bench_verified", "gpqa_diamond", "hle",
                   "ifeval", "source"]


def frontier(shared):
    pairs = read_csv(os.path.join(shared, "derived", "frontier_swe_gpqa_pairs.csv"))
    matrix = json.load(open(os.path.join(shared, "llm_benchmark_matrix", "llm_benchmark_data.json"),
                            encoding="utf-8"))
    by_model = {m["id"]: m for m in matrix["models"]}
    scores = {}
    for s in matrix["scores"]:
        scores[(s["model_id"], s["benchmark_id"])] = s["score"]

    out = []
    for r in (r for r in pairs if r["source"] == "llm_benchmark_matrix"):
        # cross-check the derived file against the original JSON
        m = by_model[r["model"]]
        assert m["provider"] == r["organization"] and m["release_date"] == r["release_date"], r
        for col in ("swe_bench_verified", "gpqa_diamond", "hle", "ifeval"):
            v = scores.get((r["model"], col))
            assert (v is None and r[col] == "") or float(r[col]) == float(v), (r, col, v)
        out.append([r["model"], r["organization"], r["release_date"], r["swe_bench_verified"],
                    r["gpqa_diamond"], r["hle"], r["ifeval"], MATRIX])
    write_csv("frontier.csv", FRONTIER_HEADER, out)
    placeholders = [row[0] + " " + row[2] for row in out if row[2].endswith("-01-01")]
    month_only = [row[0] + " " + row[2] for row in out
                  if row[2].endswith("-01") and not row[2].endswith("-01-01")]
    print("placeholder YYYY-01-01 dates:", ", ".join(placeholders))
    print("first-of-month dates:", ", ".join(month_only))

    for block, tag in EPOCH.items():
        rows = [[r["model"], LAB_RENAME.get(r["organization"], r["organization"]),
                 r["release_date"], r["swe_bench_verified"], r["gpqa_diamond"], "", "", tag]
                for r in pairs if r["source"] == block]
        write_csv("frontier_" + block.replace("epoch_hub_", "epoch_") + ".csv", FRONTIER_HEADER, rows)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data")
    os.makedirs(OUT, exist_ok=True)
    base_models(shared)
    paper_panel()
    frontier(shared)


if __name__ == "__main__":
    main()
