package io.phasewatch.cli.bench;

import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.streams.topology.Topics;
import java.util.List;
import java.util.Map;

/**
 * The topics of one benchmark run: the phasewatch topics (inputs with {@code partitions}
 * partitions, as a scaled-out deployment would have them) and the reference applications'
 * outputs ({@link PassThrough}).
 */
record BenchTopics(Topics phasewatch, String passThroughScores, String passThroughModels,
    String keyedPassThrough, int partitions) {

  private static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact");
  private static final Map<String, String> DELETE = Map.of("cleanup.policy", "delete");

  static BenchTopics of(String prefix, int partitions) {
    return new BenchTopics(Topics.withPrefix(prefix), prefix + ".passthrough-scores",
        prefix + ".passthrough-models", prefix + ".keyed-passthrough", partitions);
  }

  /** The topics every application of the benchmark reads: scores and models. */
  List<String> inputs() {
    return List.of(phasewatch.scores().name(), phasewatch.models().name());
  }

  void create(EmbeddedKafkaBroker broker) {
    broker.createTopic(phasewatch.scores().name(), partitions, COMPACT);
    broker.createTopic(phasewatch.models().name(), partitions, COMPACT);
    broker.createTopic(phasewatch.rejected().name(), 1, DELETE);
    broker.createTopic(phasewatch.familyDiagnosis().name(), partitions, COMPACT);
    broker.createTopic(phasewatch.panelDiagnosis().name(), 1, COMPACT);
    broker.createTopic(phasewatch.frontierDiagnosis().name(), 1, COMPACT);
    broker.createTopic(phasewatch.alerts().name(), partitions, DELETE);
    broker.createTopic(passThroughScores, partitions, COMPACT);
    broker.createTopic(passThroughModels, partitions, COMPACT);
    broker.createTopic(keyedPassThrough, partitions, COMPACT);
  }
}
