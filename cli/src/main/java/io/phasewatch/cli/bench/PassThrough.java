package io.phasewatch.cli.bench;

import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Stage 2 of the benchmark: a Kafka Streams application that copies the score and model topics
 * to two output topics as bytes, with the phasewatch application's own configuration ({@link
 * StreamsSettings#streamsProperties}: exactly-once v2, the same handlers and client settings).
 * Its throughput is the framework's floor for this data: what exactly-once reading and writing
 * costs before any phasewatch work.
 */
final class PassThrough implements AutoCloseable {
  private final KafkaStreams streams;

  PassThrough(StreamsSettings settings, BenchTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topics.phasewatch().scores().name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("scores-source"))
        .to(topics.passThroughScores(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("scores-sink"));
    builder.stream(topics.phasewatch().models().name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("models-source"))
        .to(topics.passThroughModels(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("models-sink"));
    Topology topology = builder.build();
    this.streams = new KafkaStreams(topology, settings.streamsProperties(new Rejections()));
  }

  PassThrough start() {
    streams.start();
    return this;
  }

  KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
