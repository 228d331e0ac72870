package io.phasewatch.cli.run;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many committed records a consumer group has not processed yet, on given partitions: what
 * "processed" means for {@code phasewatch run}.
 *
 * <p>For each partition, the group's committed offset is compared with the last stable offset
 * (read_committed). Exactly-once writers end each transaction with a control record that a
 * consumer skips without always committing past it, so a committed offset one or a few short of
 * the end is not yet a backlog: those offsets are read (read_committed, from the committed offset
 * to the end) and only real records count. A partition without a committed offset counts from
 * its log start.
 */
public final class ProcessingCheck implements AutoCloseable {
  /** Above this many offsets short, the gap is reported as it is, without reading it. */
  static final long PROBE_LIMIT = 1_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Admin admin;
  private final KafkaConsumer<byte[], byte[]> probe;

  public ProcessingCheck(Map<String, Object> client) {
    this.admin = Admin.create(client);
    Map<String, Object> c = new HashMap<>(client);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "phasewatch-run-progress");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.remove(AdminClientConfig.CLIENT_ID_CONFIG);
    this.probe = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The partitions of {@code topic}; empty when it does not exist. */
  public List<TopicPartition> partitionsOf(String topic) throws InterruptedException {
    try {
      TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
      return d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    } catch (ExecutionException | TimeoutException e) {
      return List.of();
    }
  }

  /**
   * Offsets on {@code partitions} between group {@code groupId}'s committed offsets and the ends:
   * the records it has not read, for topics written without transactions (no control records),
   * without reading them.
   *
   * @throws IllegalStateException when Kafka does not answer
   */
  public long lag(String groupId, Collection<TopicPartition> partitions)
      throws InterruptedException {
    return count(groupId, partitions, false);
  }

  /**
   * Records on {@code partitions} that group {@code groupId} has not committed past.
   *
   * @throws IllegalStateException when Kafka does not answer
   */
  public long unprocessed(String groupId, Collection<TopicPartition> partitions)
      throws InterruptedException {
    return count(groupId, partitions, true);
  }

  private long count(String groupId, Collection<TopicPartition> partitions, boolean probeGaps)
      throws InterruptedException {
    if (partitions.isEmpty()) {
      return 0;
    }
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin
          .listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
      Map<TopicPartition, ListOffsetsResultInfo> starts =
          offsets(partitions, OffsetSpec.earliest());
      long total = 0;
      for (TopicPartition tp : partitions) {
        long end = ends.get(tp).offset();
        OffsetAndMetadata c = committed.get(tp);
        long from = c == null ? starts.get(tp).offset() : Math.max(c.offset(),
            starts.get(tp).offset());
        if (from >= end) {
          continue;
        }
        total += !probeGaps || end - from > PROBE_LIMIT ? end - from
            : recordsBetween(tp, from, end);
      }
      return total;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the offsets of group " + groupId + ": " + e, e);
    }
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(Collection<TopicPartition> partitions,
      OffsetSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Committed records with offsets in [from, end), reading them. */
  private long recordsBetween(TopicPartition tp, long from, long end) {
    probe.assign(List.of(tp));
    probe.seek(tp, from);
    long count = 0;
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (probe.position(tp) < end && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : probe.poll(Duration.ofMillis(100))) {
        if (r.offset() < end) {
          count++;
        }
      }
    }
    if (probe.position(tp) < end) {
      // could not read to the end in time: count what is left as unprocessed
      count += end - probe.position(tp);
    }
    probe.unsubscribe();
    return count;
  }

  @Override
  public void close() {
    probe.close(Duration.ofSeconds(2));
    admin.close(Duration.ofSeconds(2));
  }
}
