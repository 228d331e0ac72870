package io.phasewatch.cli.bench;

import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The reference applications of the benchmark, with the phasewatch application's own
 * configuration ({@link StreamsSettings#streamsProperties}: exactly-once v2, the same handlers
 * and client settings), each copying the score and model records as bytes, parsing nothing:
 *
 * <ul>
 *   <li>{@link #copy}: straight to two output topics, what exactly-once reading and writing
 *       costs before any work;
 *   <li>{@link #keyed}: through the shape phasewatch cannot do without, each record re-keyed
 *       twice (by model, then by family: two repartition topics) and kept after each hop in a
 *       cached, changelogged store, one entry per key. What that shape costs in the framework
 *       and the broker bounds what any application that groups scores by model and models by
 *       family can reach, whatever its own work.
 * </ul>
 */
final class PassThrough implements AutoCloseable {
  /** Re-keying hops of the keyed application: by model, then by family. */
  static final int KEYED_HOPS = 2;

  private final KafkaStreams streams;

  private PassThrough(StreamsBuilder builder, StreamsSettings settings) {
    this.streams = new KafkaStreams(builder.build(),
        settings.streamsProperties(new Rejections()));
  }

  static PassThrough copy(StreamsSettings settings, BenchTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topics.phasewatch().scores().name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("scores-source"))
        .to(topics.passThroughScores(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("scores-sink"));
    builder.stream(topics.phasewatch().models().name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("models-source"))
        .to(topics.passThroughModels(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("models-sink"));
    return new PassThrough(builder, settings);
  }

  static PassThrough keyed(StreamsSettings settings, BenchTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<Bytes, byte[]> records = builder.stream(
        topics.inputs(),
        Consumed.with(Serdes.Bytes(), Serdes.ByteArray()).withName("inputs-source"));
    for (int hop = 1; hop <= KEYED_HOPS; hop++) {
      String store = "hop" + hop + "-store";
      builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
          Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());
      records = records
          .repartition(Repartitioned.with(Serdes.Bytes(), Serdes.ByteArray())
              .withName("hop" + hop))
          .process(() -> new Keep(store), Named.as("hop" + hop + "-keep"), store);
    }
    records.to(topics.keyedPassThrough(),
        Produced.with(Serdes.Bytes(), Serdes.ByteArray()).withName("keyed-sink"));
    return new PassThrough(builder, settings);
  }

  /** Writes each record to the store and forwards it. */
  private static final class Keep implements Processor<Bytes, byte[], Bytes, byte[]> {
    private final String storeName;
    private ProcessorContext<Bytes, byte[]> context;
    private KeyValueStore<Bytes, byte[]> store;

    Keep(String storeName) {
      this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Bytes, byte[]> context) {
      this.context = context;
      this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<Bytes, byte[]> record) {
      store.put(record.key(), record.value());
      context.forward(record);
    }
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
