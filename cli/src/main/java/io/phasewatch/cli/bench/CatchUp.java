package io.phasewatch.cli.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a Kafka Streams application has processed everything: its group's committed offsets
 * equal the end offsets of every partition it reads, its input topics and its own repartition
 * topics. Under exactly-once a commit is atomic with the outputs of the records it covers, so at
 * that moment nothing is left anywhere in the application (wall-clock punctuations aside). Kafka
 * Streams commits the consumer's position past transaction markers, so a transactional
 * repartition topic's lag reaches zero too.
 */
public final class CatchUp implements AutoCloseable {
  private final Admin admin;
  private final String applicationId;
  private final List<String> inputs;

  public CatchUp(String bootstrapServers, String applicationId, List<String> inputs) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers));
    this.applicationId = applicationId;
    this.inputs = List.copyOf(inputs);
  }

  /** Records not yet committed by the application, over its inputs and repartition topics. */
  public long lag() throws InterruptedException {
    try {
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(t -> inputs.contains(t)
              || (t.startsWith(applicationId + "-") && t.endsWith("-repartition")))
          .collect(Collectors.toSet());
      Map<String, TopicDescription> described =
          admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      described.values().forEach(d -> d.partitions().forEach(p ->
          latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> end = new HashMap<>();
      admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> end.put(tp, info.offset()));
      Map<TopicPartition, OffsetAndMetadata> committed = admin
          .listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS);
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
      }
      return lag;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not read the offsets of " + applicationId, e);
    }
  }

  /**
   * Polls until the lag is zero and returns {@link System#nanoTime()} of the first poll that saw
   * it; fails when {@code stillAlive} turns false or {@code timeout} passes.
   */
  public long awaitZeroLag(Duration timeout, BooleanSupplier stillAlive)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long lag = lag();
      long now = System.nanoTime();
      if (lag == 0) {
        return now;
      }
      if (!stillAlive.getAsBoolean()) {
        throw new IllegalStateException(applicationId + " stopped with " + lag
            + " records unprocessed");
      }
      if (now > deadline) {
        throw new IllegalStateException(applicationId + " still has " + lag
            + " records unprocessed after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
