package io.phasewatch.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to Kafka with an idempotent producer ({@code acks=all}, idempotence on), string keys
 * and JSON values, headers as UTF-8. A batch is flushed and every send checked before
 * {@link #publish} returns.
 */
public final class KafkaPublisher implements Publisher {
  private final KafkaProducer<String, byte[]> producer;
  private final Topics topics;
  private final String target;

  /**
   * @param clientConfig at least {@code bootstrap.servers}; more client settings (security) pass
   *     through, the delivery guarantees above are always set
   */
  public KafkaPublisher(Map<String, Object> clientConfig, Topics topics) {
    Map<String, Object> c = new HashMap<>(clientConfig);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "phasewatch-ingest");
    c.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
    c.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new KafkaProducer<>(c, new StringSerializer(), new ByteArraySerializer());
    this.topics = topics;
    this.target = targetOf(String.valueOf(clientConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)), topics);
  }

  /** How a checkpoint names a destination: brokers and topic prefix. */
  public static String targetOf(String bootstrapServers, Topics topics) {
    return bootstrapServers + "|" + topics.prefix();
  }

  @Override
  public String target() {
    return target;
  }

  @Override
  public void publish(List<Outgoing> messages, Progress progress) throws PublishException {
    publish(messages, progress, Optional.empty());
  }

  /**
   * As {@link #publish(List, Progress)}, each record stamped with {@code timestamp} (when given)
   * instead of the producer's clock: a replay ({@code phasewatch run}) gives each step of its
   * history a distinct stamp, so the event time an alert carries downstream names the step that
   * caused it. Keep stamps near the present: a broker expires an idempotent producer's state by
   * the timestamps of its batches, so stamps of long ago break exactly-once writers downstream.
   */
  public void publish(List<Outgoing> messages, Progress progress, Optional<Instant> timestamp)
      throws PublishException {
    Long ts = timestamp.map(Instant::toEpochMilli).orElse(null);
    List<Future<RecordMetadata>> sent = new ArrayList<>(messages.size());
    for (Outgoing m : messages) {
      RecordHeaders headers = new RecordHeaders();
      m.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
      sent.add(producer.send(new ProducerRecord<>(topicOf(m.destination()), null, ts, m.key(),
          m.value().orElse(null), headers), (meta, e) -> progress.step()));
    }
    producer.flush();
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new PublishException("publishing failed: " + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PublishException("interrupted while publishing", e);
      }
    }
  }

  private String topicOf(Outgoing.Destination d) {
    return switch (d) {
      case SCORES -> topics.scores();
      case MODELS -> topics.models();
      case REJECTED -> topics.rejected();
    };
  }

  @Override
  public void close() {
    producer.close();
  }
}
