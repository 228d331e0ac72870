package io.phasewatch.alerts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.phasewatch.alerts.delivery.DeliveryLedger;
import io.phasewatch.core.domain.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of delivered alert ids on a compacted topic ({@code <prefix>.alerts.delivered.v1},
 * key {@code sink|alert-id}).
 *
 * <p>Why a topic and not a local file: router instances sharing a consumer group hand
 * partitions to each other on a rebalance, and the instance that takes a partition over must
 * know what the previous owner delivered but had not committed yet. A topic is shared by all
 * instances, survives a restart on another host, and needs no volume; compaction keeps one
 * record per sink and alert. Every instance reads the whole topic at start and again whenever
 * it is assigned partitions ({@link #catchUp}); records are written and acknowledged ({@link
 * #flush}) before the input offset is committed, and a partition's previous owner has committed
 * or stopped before the new owner is assigned, so the new owner's catch-up sees every delivery
 * of that partition.
 *
 * <p>What remains is at-least-once: a router that dies between a sink's acknowledgement and the
 * ledger write delivers that alert again after the restart; receivers can drop it by the
 * idempotency key (the alert id).
 *
 * <p>Memory: one short string per sink and alert ever delivered; alerts are rare events
 * (phase changes), so this stays small.
 */
public final class KafkaDeliveryLedger implements DeliveryLedger {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaDeliveryLedger.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Producer<String, byte[]> producer;
  private final Consumer<String, byte[]> reader;
  private final String topic;
  private final Duration timeout;
  private final Set<String> delivered = new HashSet<>();
  private final Set<TopicPartition> assigned = new HashSet<>();
  /** Deliveries recorded but not yet known durable ({@link #flush}). */
  private final List<Future<RecordMetadata>> unflushed = new ArrayList<>();

  /**
   * @param clientConfig bootstrap servers and any security settings; a reader without a group
   *     is created from it
   * @param producer shared with the dead letters; this ledger does not close it
   */
  public KafkaDeliveryLedger(Map<String, Object> clientConfig, Producer<String, byte[]> producer,
      String topic, Duration timeout) {
    Map<String, Object> c = new HashMap<>(clientConfig);
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.reader = new KafkaConsumer<>(c);
    this.producer = producer;
    this.topic = topic;
    this.timeout = timeout;
  }

  static String key(String sink, String alertId) {
    return sink + "|" + alertId;
  }

  @Override
  public synchronized boolean isDelivered(String sink, String alertId) {
    return delivered.contains(key(sink, alertId));
  }

  @Override
  public synchronized void markDelivered(String sink, String alertId, Instant deliveredAt) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("sink", sink);
    value.put("alert_id", alertId);
    value.put("delivered_at", deliveredAt.toString());
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // not awaited one by one: a burst of alerts would wait a broker round trip each
    unflushed.add(producer.send(new ProducerRecord<>(topic, key(sink, alertId), bytes)));
    delivered.add(key(sink, alertId));
  }

  /** Waits (within the timeout) for every delivery recorded since the last flush. */
  @Override
  public synchronized void flush() {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (Future<RecordMetadata> write : unflushed) {
        write.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted recording deliveries in " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not record a delivery in " + topic + ": " + e, e);
    } finally {
      unflushed.clear();
    }
  }

  /**
   * Reads the ledger topic up to its current end: every delivery recorded before this call, by
   * any instance, is known when it returns.
   */
  public synchronized void catchUp() {
    long deadline = System.nanoTime() + timeout.toNanos();
    assignAllPartitions();
    Map<TopicPartition, Long> end = reader.endOffsets(assigned, timeout);
    int read = 0;
    while (!reachedEnd(end)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read the delivery ledger " + topic
            + " to its end within " + timeout);
      }
      for (ConsumerRecord<String, byte[]> r : reader.poll(POLL)) {
        if (r.key() == null) {
          continue;
        }
        if (r.value() == null) {
          delivered.remove(r.key());
        } else {
          delivered.add(r.key());
        }
        read++;
      }
    }
    LOG.debug("Delivery ledger {}: read {} records, {} deliveries known", topic, read,
        delivered.size());
  }

  private void assignAllPartitions() {
    List<PartitionInfo> partitions = reader.partitionsFor(topic, timeout);
    if (partitions == null || partitions.isEmpty()) {
      throw new IllegalStateException("delivery ledger topic " + topic + " does not exist");
    }
    Set<TopicPartition> all = new HashSet<>();
    partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
    if (!all.equals(assigned)) {
      Set<TopicPartition> added = new HashSet<>(all);
      added.removeAll(assigned);
      reader.assign(all);
      reader.seekToBeginning(added);
      assigned.addAll(added);
    }
  }

  private boolean reachedEnd(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (reader.position(e.getKey(), timeout) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Closes the reader (not the shared producer). */
  @Override
  public synchronized void close() {
    reader.close();
  }
}
