package io.phasewatch.ingest.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.feed.FeedConfig.LmEvalTask;
import io.phasewatch.ingest.fetch.Fetched;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One results file of EleutherAI's lm-evaluation-harness: {@code results.<task>} objects with
 * {@code "<metric>,<filter>"} entries (0.4 and later; bare {@code "<metric>"} of older versions is
 * read too), few-shot counts under {@code n-shot}, the model in {@code model_name} or in
 * {@code config.model_args} ({@code pretrained=…}), the run time in {@code date} (Unix seconds).
 * Values are fractions. Which entry of which task is read is the feed's {@code tasks:}; the
 * defaults are the Open LLM Leaderboard v1 choices.
 */
public final class LmEvalJsonCollector implements Collector {
  static final List<LmEvalTask> DEFAULT_TASKS = List.of(
      task("arc_challenge", "acc_norm,none", "arc"),
      task("hellaswag", "acc_norm,none", "hellaswag"),
      task("mmlu", "acc,none", "mmlu"),
      task("truthfulqa_mc2", "acc,none", "truthfulqa"),
      task("winogrande", "acc,none", "winogrande"),
      task("gsm8k", "exact_match,strict-match", "gsm8k"),
      task("ifeval", "prompt_level_strict_acc,none", "ifeval"));

  @Override
  public String format() {
    return "lm-eval-json";
  }

  @Override
  public RowBatch collect(FeedConfig feed, Fetched.Content content) throws CollectException {
    String text = content.text();
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new CollectException("not lm-evaluation-harness JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode results = root.path("results");
    if (!results.isObject()) {
      throw new CollectException("not lm-evaluation-harness JSON: no 'results' object");
    }
    Optional<String> model = modelName(root);
    if (model.isEmpty()) {
      return new RowBatch(List.of(), List.of(Rejection.parse(RejectReason.MISSING_MODEL, 1, feed.id(),
          text, "neither model_name nor config.model_args pretrained=… names the model")));
    }
    List<LmEvalTask> tasks = feed.tasks().isEmpty() ? DEFAULT_TASKS : feed.tasks();
    SourceRow.Builder b = SourceRow.builder(1, text, model.get())
        .evaluatedAt(date(root))
        .revision(text(root.path("config").path("model_revision")).or(() -> text(root.path("git_hash"))))
        .precision(dtype(root));
    List<Rejection> rejected = new ArrayList<>();
    int found = 0;
    for (LmEvalTask t : tasks) {
      JsonNode entries = results.path(t.task());
      if (!entries.isObject()) {
        continue;
      }
      JsonNode v = entries.path(t.metric());
      if (v.isMissingNode()) {
        v = entries.path(t.metric().split(",", 2)[0]);
      }
      if (v.isMissingNode() || v.isNull()) {
        continue;
      }
      if (!v.isNumber()) {
        rejected.add(Rejection.parse(RejectReason.NOT_A_NUMBER, 1, feed.id(), entries.toString(),
            "results." + t.task() + "." + t.metric() + " is not a number: " + v));
        continue;
      }
      OptionalInt shots = t.nShot().map(OptionalInt::of).orElseGet(() -> {
        JsonNode n = root.path("n-shot").path(t.task());
        return n.canConvertToInt() ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
      });
      b.score(new RawScore(t.benchmark(), v.asDouble(), Scale.FRACTION,
          Optional.of(t.metric()), shots));
      found++;
    }
    if (found == 0 && rejected.isEmpty()) {
      rejected.add(Rejection.parse(RejectReason.MISSING_FIELD, 1, feed.id(), text,
          "no results entry for any of the tasks " + tasks.stream().map(LmEvalTask::task).toList()));
      return new RowBatch(List.of(), rejected);
    }
    return new RowBatch(List.of(b.build()), rejected);
  }

  private static LmEvalTask task(String task, String metric, String benchmark) {
    return new LmEvalTask(task, metric, benchmark, Optional.empty());
  }

  private static Optional<String> modelName(JsonNode root) {
    Optional<String> named = text(root.path("model_name"));
    return named.isPresent() ? named : modelArg(root, "pretrained");
  }

  private static Optional<String> dtype(JsonNode root) {
    return modelArg(root, "dtype");
  }

  /** A {@code key=value} entry of {@code config.model_args} (a string in 0.4, a map in some). */
  private static Optional<String> modelArg(JsonNode root, String key) {
    JsonNode args = root.path("config").path("model_args");
    if (args.isObject()) {
      return text(args.path(key));
    }
    if (args.isTextual()) {
      for (String part : args.asText().split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length == 2 && kv[0].trim().equals(key) && !kv[1].isBlank()) {
          return Optional.of(kv[1].trim());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> date(JsonNode root) {
    JsonNode d = root.path("date");
    if (d.isNumber()) {
      double seconds = d.asDouble();
      long whole = (long) Math.floor(seconds);
      return Optional.of(Instant.ofEpochSecond(whole, (long) ((seconds - whole) * 1e9)));
    }
    return Optional.empty();
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
  }
}
