package io.phasewatch.cli.fault;

import static io.phasewatch.core.catalogue.BenchmarkIds.HELLASWAG;
import static io.phasewatch.core.catalogue.BenchmarkIds.TRUTHFULQA;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasewatch.cli.bench.SyntheticLeaderboard;
import io.phasewatch.cli.bench.Workload;
import io.phasewatch.cli.fault.Fixture.Entry;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A seeded stream of valid records mixed with malformed and edge records, each marked with what
 * the streams application must do with it. Valid: a synthetic leaderboard, a family with unicode
 * model names, corrections. Edge but valid: identical re-publications, tombstones for keys never
 * seen. Bad (every one must land in the rejected topic): broken JSON, JSON that is not an object,
 * wrong types, NaN and infinities, negative and zero parameter counts, huge strings, unknown
 * benchmarks, future dates, keys that are not the value's key, missing fields, values out of
 * range, illegal characters, and bad corrections of valid scores. (A record without a key never
 * reaches the topology: the broker refuses it on the compacted input topics.)
 */
final class HostileInput {
  static final String UNICODE_FAMILY = "семья-ü";
  private static final List<String> UNICODE_MODELS =
      List.of("模型-0.5b", "モデル-1.5b", "model-🚀-7b", "نموذج-13b");
  private static final double[] UNICODE_PARAMS = {0.5, 1.5, 7, 13};
  private static final double[][] UNICODE_SCORES = {{40, 42}, {55, 38}, {70, 36.5}, {78, 41}};

  /**
   * One record of the stream.
   *
   * @param category what kind of record it is (for messages)
   * @param bad whether the streams application must reject it
   * @param line the record as a line of a JSON Lines feed, when it can be one
   * @param ingestRejects whether {@code phasewatch ingest} must reject that line: its fault is
   *     in what a feed line carries (not in a Kafka key, nor in {@code source}, which ingest
   *     replaces with the feed id)
   */
  record Hostile(String category, Entry entry, boolean bad, Optional<String> line,
      boolean ingestRejects) {}

  final SyntheticLeaderboard board;
  final List<Hostile> stream = new ArrayList<>();
  /** Final value of every valid score, by {@code model|benchmark}. */
  final Map<String, Double> finalValues = new TreeMap<>();
  private final Random random;
  private final List<ScoreRecord> validScores = new ArrayList<>();
  private final List<ModelRecord> validModels = new ArrayList<>();
  private int serial;

  HostileInput(long seed, int badRecords) {
    this.random = new Random(seed);
    this.board = new SyntheticLeaderboard(new Workload(30, 6, 1, 16, seed));
    for (int i = 0; i < board.workload().models(); i++) {
      validModels.add(board.model(i));
    }
    for (int i = 0; i < UNICODE_MODELS.size(); i++) {
      validModels.add(new ModelRecord(1, UNICODE_MODELS.get(i), UNICODE_FAMILY,
          OptionalDouble.of(UNICODE_PARAMS[i]), OptionalInt.empty(), ModelKind.BASE,
          Optional.of("лаборатория"), Optional.empty(), List.of(), Map.of()));
    }
    for (long i = 0; i < board.workload().scores(); i++) {
      validScores.add(board.score(i));
    }
    for (int i = 0; i < UNICODE_MODELS.size(); i++) {
      validScores.add(board.score(UNICODE_MODELS.get(i), HELLASWAG, UNICODE_SCORES[i][0], i));
      validScores.add(board.score(UNICODE_MODELS.get(i), TRUTHFULQA, UNICODE_SCORES[i][1], i));
    }

    validModels.forEach(m -> add("valid model", Entry.of(m), false, true, false));
    validScores.forEach(s -> {
      add("valid score", Entry.of(s), false, true, false);
      finalValues.put(s.modelId() + "|" + s.benchmark(), s.value());
    });
    // corrections: a new value for 20 scores, after the originals
    for (int i = 0; i < 20; i++) {
      ScoreRecord s = validScores.get(random.nextInt(validScores.size() - 8));
      if (s.scale().max() < 100) {
        continue;
      }
      ScoreRecord corrected = board.score(s.modelId(), s.benchmark(),
          Math.min(100, s.value() + 0.7), 1);
      add("correction", Entry.of(corrected), false, true, false);
      finalValues.put(s.modelId() + "|" + s.benchmark(), corrected.value());
    }

    List<Hostile> mixed = new ArrayList<>();
    // identical re-publications of final values, and tombstones for keys never seen
    for (int i = 0; i < 300; i++) {
      ScoreRecord s = validScores.get(random.nextInt(validScores.size()));
      double v = finalValues.get(s.modelId() + "|" + s.benchmark());
      mixed.add(hostile("duplicate", Entry.of(board.score(s.modelId(), s.benchmark(), v, 1)),
          false, false, false));
    }
    for (int i = 0; i < 100; i++) {
      mixed.add(hostile("tombstone for an unknown score",
          new Entry(false, ScoreRecord.key("ghost", "nobody-" + i, HELLASWAG), null), false,
          false, false));
    }
    for (int i = 0; i < 50; i++) {
      mixed.add(hostile("tombstone for an unknown model", new Entry(true, "nobody-" + i, null),
          false, false, false));
    }
    List<Function<Integer, Hostile>> makers = badMakers();
    for (int i = 0; i < badRecords; i++) {
      mixed.add(makers.get(i % makers.size()).apply(i));
    }
    Collections.shuffle(mixed, random);
    stream.addAll(mixed);
  }

  long badCount() {
    return stream.stream().filter(Hostile::bad).count();
  }

  /** The base-model points of every valid family as the streams application should see them. */
  Map<String, List<BaseModelPoint>> expectedFamilies() {
    Map<String, List<BaseModelPoint>> out = new TreeMap<>();
    for (ModelRecord m : validModels) {
      if (m.kind() != ModelKind.BASE) {
        continue;
      }
      Map<String, Double> extras = new TreeMap<>();
      for (String b : SyntheticLeaderboard.BASE_BENCHMARKS.subList(2, 6)) {
        Double v = finalValues.get(m.modelId() + "|" + b);
        if (v != null) {
          extras.put(b, v);
        }
      }
      out.computeIfAbsent(m.family(), f -> new ArrayList<>()).add(new BaseModelPoint(
          m.modelId(), m.family(), m.paramsB().getAsDouble(),
          finalValues.get(m.modelId() + "|" + HELLASWAG),
          finalValues.get(m.modelId() + "|" + TRUTHFULQA), m.dModel(), extras));
    }
    return out;
  }

  private void add(String category, Entry entry, boolean bad, boolean line,
      boolean ingestRejects) {
    stream.add(hostile(category, entry, bad, line, ingestRejects));
  }

  private Hostile hostile(String category, Entry entry, boolean bad, boolean asLine,
      boolean ingestRejects) {
    Optional<String> line = Optional.empty();
    if (asLine && entry.value() != null) {
      String text = new String(entry.value(), StandardCharsets.UTF_8);
      boolean oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && !text.isBlank()
          && java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), entry.value());
      line = oneLine ? Optional.of(text) : Optional.empty();
    }
    return new Hostile(category, entry, bad, line, ingestRejects && line.isPresent());
  }

  private String uniqueKey() {
    return "hostile-" + (serial++);
  }

  private ScoreRecord someScore() {
    return validScores.get(random.nextInt(validScores.size()));
  }

  private ModelRecord someModel() {
    return validModels.get(random.nextInt(validModels.size()));
  }

  /** A bad score: its value JSON changed by {@code edit}, published under its own key. */
  private Hostile badScore(String category, ScoreRecord base, Function<ObjectNode, ObjectNode> edit,
      boolean ingestRejects) {
    ObjectNode node = Json.mapper().valueToTree(base);
    node.put("model_id", base.modelId() + "-" + uniqueKey());
    ObjectNode edited = edit.apply(node);
    String key = edited.path("source").asText("") + "|" + edited.path("model_id").asText("")
        + "|" + edited.path("benchmark").asText("");
    return hostile(category, new Entry(false, key, Fixture.json(edited)), true, true,
        ingestRejects);
  }

  private Hostile badModel(String category, Function<ObjectNode, ObjectNode> edit,
      boolean ingestRejects) {
    ObjectNode node = Json.mapper().valueToTree(someModel());
    node.put("model_id", node.get("model_id").asText() + "-" + uniqueKey());
    ObjectNode edited = edit.apply(node);
    return hostile(category, new Entry(true, edited.path("model_id").asText(""),
        Fixture.json(edited)), true, true, ingestRejects);
  }

  private Hostile rawScore(String category, String key, byte[] bytes, boolean ingestRejects) {
    return hostile(category, new Entry(false, key, bytes), true, true, ingestRejects);
  }

  private static String repeat(String s, int times) {
    return s.repeat(times);
  }

  private List<Function<Integer, Hostile>> badMakers() {
    Map<String, Function<Integer, Hostile>> m = new LinkedHashMap<>();
    m.put("truncated JSON", i -> {
      byte[] json = Entry.of(someScore()).value();
      int cut = 1 + random.nextInt(json.length - 2);
      return rawScore("truncated JSON", uniqueKey(), java.util.Arrays.copyOf(json, cut), true);
    });
    m.put("garbage", i -> rawScore("garbage", uniqueKey(),
        ("{garbage " + i + " ]]").getBytes(StandardCharsets.UTF_8), true));
    m.put("empty value", i -> rawScore("empty value", uniqueKey(), new byte[0], false));
    m.put("JSON null", i -> rawScore("JSON null", uniqueKey(),
        "null".getBytes(StandardCharsets.UTF_8), true));
    m.put("JSON array", i -> rawScore("JSON array", uniqueKey(),
        "[1, 2, 3]".getBytes(StandardCharsets.UTF_8), true));
    m.put("JSON number", i -> rawScore("JSON number", uniqueKey(),
        "42".getBytes(StandardCharsets.UTF_8), true));
    m.put("invalid UTF-8", i -> rawScore("invalid UTF-8", uniqueKey(),
        new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, false));
    m.put("deep nesting", i -> rawScore("deep nesting", uniqueKey(),
        (repeat("[", 5000) + repeat("]", 5000)).getBytes(StandardCharsets.UTF_8), true));
    m.put("value is a word", i -> badScore("value is a word", someScore(),
        n -> n.put("value", "high"), true));
    m.put("value is an object", i -> badScore("value is an object", someScore(), n -> {
      n.putObject("value").put("x", 1);
      return n;
    }, true));
    m.put("value is null", i -> badScore("value is null", someScore(),
        n -> n.putNull("value"), true));
    m.put("value missing", i -> badScore("value missing", someScore(), n -> {
      n.remove("value");
      return n;
    }, true));
    m.put("scale unknown", i -> badScore("scale unknown", someScore(),
        n -> n.put("scale", "kelvin"), true));
    m.put("schema_version a word", i -> badScore("schema_version a word", someScore(),
        n -> n.put("schema_version", "one"), true));
    m.put("evaluated_at a word", i -> badScore("evaluated_at a word", someScore(),
        n -> n.put("evaluated_at", "yesterday"), true));
    m.put("value NaN", i -> badScore("value NaN", someScore(), n -> n.put("value", "NaN"), true));
    m.put("value Infinity", i -> badScore("value Infinity", someScore(),
        n -> n.put("value", "Infinity"), true));
    m.put("value -Infinity", i -> badScore("value -Infinity", someScore(),
        n -> n.put("value", "-Infinity"), true));
    m.put("value literal NaN", i -> {
      ScoreRecord s = someScore();
      String json = new String(Entry.of(s).value(), StandardCharsets.UTF_8)
          .replaceFirst("\"value\":[^,]*", "\"value\":NaN");
      return rawScore("value literal NaN", uniqueKey(), json.getBytes(StandardCharsets.UTF_8),
          true);
    });
    m.put("value 1e400", i -> {
      ScoreRecord s = someScore();
      String json = new String(Entry.of(s).value(), StandardCharsets.UTF_8)
          .replaceFirst("\"value\":[^,]*", "\"value\":1e400");
      return rawScore("value 1e400", s.key(), json.getBytes(StandardCharsets.UTF_8), true);
    });
    m.put("value above 100 percent", i -> badScore("value above 100 percent", someScore(),
        n -> n.put("value", 150.0).put("scale", "percent"), true));
    m.put("negative value", i -> badScore("negative value", someScore(),
        n -> n.put("value", -5.0), true));
    m.put("fraction above 1", i -> badScore("fraction above 1", someScore(),
        n -> n.put("value", 1.5).put("scale", "fraction"), true));
    m.put("negative n_shot", i -> badScore("negative n_shot", someScore(),
        n -> n.put("n_shot", -1), true));
    m.put("unknown benchmark", i -> badScore("unknown benchmark", someScore(),
        n -> n.put("benchmark", "mmlu_ultra"), true));
    m.put("benchmark alias", i -> badScore("benchmark alias", someScore(),
        n -> n.put("benchmark", "HellaSwag (10-Shot)"), false));
    m.put("future evaluated_at", i -> badScore("future evaluated_at", someScore(),
        n -> n.put("evaluated_at", "2099-01-01T00:00:00Z"), true));
    m.put("future fetched_at", i -> badScore("future fetched_at", someScore(),
        n -> n.put("fetched_at", "2100-06-01T00:00:00Z"), false));
    m.put("huge model_id", i -> badScore("huge model_id", someScore(),
        n -> n.put("model_id", "m" + repeat("x", 100_000) + uniqueKey()), true));
    m.put("huge metric", i -> badScore("huge metric", someScore(),
        n -> n.put("metric", repeat("acc_norm ", 600)), false));
    m.put("huge source_url", i -> badScore("huge source_url", someScore(),
        n -> n.put("source_url", "https://example.org/" + repeat("a", 10_000)), false));
    m.put("huge source", i -> badScore("huge source", someScore(),
        n -> n.put("source", repeat("feed", 200)), false));
    m.put("model_id with |", i -> badScore("model_id with |", someScore(),
        n -> n.put("model_id", "a|b-" + uniqueKey()), false));
    m.put("model_id with a control character", i -> badScore("model_id with a control character",
        someScore(), n -> n.put("model_id", "bell\u0007-" + uniqueKey()), true));
    m.put("model_id missing", i -> badScore("model_id missing", someScore(), n -> {
      n.remove("model_id");
      return n;
    }, true));
    m.put("schema_version missing", i -> badScore("schema_version missing", someScore(), n -> {
      n.remove("schema_version");
      return n;
    }, false));
    m.put("key is not the value's key", i -> hostile("key is not the value's key",
        new Entry(false, uniqueKey(), Entry.of(someScore()).value()), true, false, false));
    m.put("NaN correction of a valid score", i -> {
      ScoreRecord s = someScore();
      ObjectNode n = Json.mapper().valueToTree(s);
      n.put("value", "NaN");
      return hostile("NaN correction of a valid score", new Entry(false, s.key(),
          Fixture.json(n)), true, true, true);
    });
    m.put("params_b negative", i -> badModel("params_b negative",
        n -> n.put("params_b", -7.0).put("kind", "base"), true));
    m.put("params_b zero", i -> badModel("params_b zero",
        n -> n.put("params_b", 0.0).put("kind", "base"), true));
    m.put("params_b a raw count", i -> badModel("params_b a raw count",
        n -> n.put("params_b", 7e9).put("kind", "base"), true));
    m.put("params_b NaN", i -> badModel("params_b NaN", n -> n.put("params_b", "NaN"), true));
    m.put("params_b a word", i -> badModel("params_b a word",
        n -> n.put("params_b", "seven"), true));
    m.put("d_model zero", i -> badModel("d_model zero", n -> n.put("d_model", 0), true));
    m.put("future release_date", i -> badModel("future release_date",
        n -> n.put("release_date", "2099-12-31"), true));
    m.put("release_date a word", i -> badModel("release_date a word",
        n -> n.put("release_date", "someday"), true));
    m.put("huge family", i -> badModel("huge family",
        n -> n.put("family", repeat("f", 5_000)), true));
    m.put("cohorts a string", i -> badModel("cohorts a string",
        n -> n.put("cohorts", "frontier"), true));
    m.put("model key is not the model id", i -> hostile("model key is not the model id",
        new Entry(true, uniqueKey(), Entry.of(someModel()).value()), true, false, false));
    return new ArrayList<>(m.values());
  }
}
