package io.phasewatch.streams.topology;

import static io.phasewatch.streams.topology.Names.BRANCH_INVALID;
import static io.phasewatch.streams.topology.Names.BRANCH_VALID;
import static io.phasewatch.streams.topology.Names.MODELS_REJECT;
import static io.phasewatch.streams.topology.Names.MODELS_REJECTED_SINK;
import static io.phasewatch.streams.topology.Names.MODELS_ROUTE;
import static io.phasewatch.streams.topology.Names.MODELS_SOURCE;
import static io.phasewatch.streams.topology.Names.MODELS_UNWRAP;
import static io.phasewatch.streams.topology.Names.MODELS_VALIDATE;
import static io.phasewatch.streams.topology.Names.SCORES_REJECT;
import static io.phasewatch.streams.topology.Names.SCORES_REJECTED_SINK;
import static io.phasewatch.streams.topology.Names.SCORES_ROUTE;
import static io.phasewatch.streams.topology.Names.SCORES_SOURCE;
import static io.phasewatch.streams.topology.Names.SCORES_UNWRAP;
import static io.phasewatch.streams.topology.Names.SCORES_VALIDATE;

import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.core.validation.Rejection;
import io.phasewatch.core.validation.Validator;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.serde.Parsed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Stage 1 of DESIGN.md's data flow, the inputs: scores and models read and validated (invalid
 * records to {@code rejected} with their original bytes). Tombstones pass as null values: the
 * profile stage keeps one current value per key, so a re-published value changes nothing
 * downstream, a new value is a correction, a tombstone a retraction.
 */
final class ScoreStage {
  private ScoreStage() {}

  static KStream<String, ScoreRecord> scores(StreamsBuilder builder, Topics topics,
      Validator validator, Rejections rejections, TopologyListener listener) {
    KStream<String, Parsed<ScoreRecord>> raw =
        builder.stream(topics.scores().name(), topics.scores().consumedAs(SCORES_SOURCE));
    return validated(raw, validator::validate, ScoreRecord::key,
        topics, rejections, listener, "score", topics.scores().name(), SCORES_VALIDATE, SCORES_ROUTE,
        SCORES_REJECT,
        SCORES_REJECTED_SINK, SCORES_UNWRAP);
  }

  static KStream<String, ModelRecord> models(StreamsBuilder builder, Topics topics,
      Validator validator, Rejections rejections, TopologyListener listener) {
    KStream<String, Parsed<ModelRecord>> raw =
        builder.stream(topics.models().name(), topics.models().consumedAs(MODELS_SOURCE));
    return validated(raw, validator::validate, ModelRecord::key,
        topics, rejections, listener, "model", topics.models().name(), MODELS_VALIDATE,
        MODELS_ROUTE, MODELS_REJECT, MODELS_REJECTED_SINK, MODELS_UNWRAP);
  }

  private static <T> KStream<String, T> validated(KStream<String, Parsed<T>> raw,
      Function<T, List<Rejection>> validator, Function<T, String> keyOf, Topics topics,
      Rejections rejections, TopologyListener listener, String recordKind, String sourceTopic,
      String validateName,
      String routeName, String rejectName,
      String rejectedSinkName, String unwrapName) {
    Map<String, KStream<String, Checked<T>>> routes = raw
        .processValues(
            () -> new Validate<>(validator, keyOf, () -> listener.received(recordKind)),
            Named.as(validateName))
        .split(Named.as(routeName))
        .branch((k, v) -> v != null && v.invalid(), Branched.as(BRANCH_INVALID))
        .defaultBranch(Branched.as(BRANCH_VALID));
    routes.get(routeName + BRANCH_INVALID)
        .processValues(() -> new Reject<T>(rejections, sourceTopic), Named.as(rejectName))
        .to(topics.rejected().name(), topics.rejected().producedAs(rejectedSinkName));
    return routes.get(routeName + BRANCH_VALID)
        .mapValues(v -> v == null ? null : v.parsed().value(), Named.as(unwrapName));
  }
}
