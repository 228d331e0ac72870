package io.phasewatch.alerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.alerts.config.RouterConfig;
import io.phasewatch.alerts.config.RouterConfigs;
import io.phasewatch.alerts.testing.TestAlerts;
import io.phasewatch.alerts.testing.WebhookReceiver.Reply;
import io.phasewatch.alerts.testing.WebhookReceiver;
import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router service on an in-JVM Kafka broker: restarts deliver every alert once, undeliverable
 * alerts land in the dead-letter topic, aborted transactions are never delivered, and two
 * instances sharing a group deliver every alert once between them.
 */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AlertRouterServiceIntegrationTest {
  private static final String SECRET = "integration-secret";
  private static final Function<String, Optional<String>> ENV =
      name -> name.equals("TEST_WEBHOOK_SECRET") ? Optional.of(SECRET) : Optional.empty();
  private static final AtomicInteger TESTS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static EmbeddedKafkaBroker broker;

  private final List<AlertRouterService> routers = new ArrayList<>();
  private WebhookReceiver webhook;
  private String prefix;
  private String group;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startTemporary();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void uniqueTopics() {
    int n = TESTS.incrementAndGet();
    prefix = "it" + n + "-" + System.nanoTime();
    group = "alerts-" + prefix;
    webhook = new WebhookReceiver();
  }

  @AfterEach
  void stopRouters() {
    routers.forEach(AlertRouterService::close);
    webhook.close();
  }

  private RouterConfig webhookConfig(int maxAttempts) {
    return RouterConfigs.parse("""
        topic_prefix: %s
        group_id: %s
        max_poll_records: 3
        poll_timeout: 100ms
        retry: {max_attempts: %d, initial_backoff: 10ms, max_backoff: 50ms}
        sinks:
          hook:
            type: webhook
            url: %s
            secret_env: TEST_WEBHOOK_SECRET
            read_timeout: 2s
        routes:
          - sinks: [hook]
        """.formatted(prefix, group, maxAttempts, webhook.url("/hook")), "test");
  }

  private AlertRouterService start(RouterConfig config) {
    AlertRouterService router = AlertRouterService.builder(config, broker.bootstrapServers())
        .env(ENV)
        .sleeper(d -> { })
        .kafkaTimeout(Duration.ofSeconds(20))
        .start();
    routers.add(router);
    return router;
  }

  private void stop(AlertRouterService router) {
    router.close();
    routers.remove(router);
  }

  private KafkaProducer<String, byte[]> producer(Map<String, Object> extra) {
    Map<String, Object> c = new HashMap<>(broker.adminConfig());
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    c.putAll(extra);
    return new KafkaProducer<>(c);
  }

  private void publish(List<AlertEvent> alerts) throws Exception {
    try (KafkaProducer<String, byte[]> p = producer(Map.of())) {
      for (AlertEvent a : alerts) {
        p.send(new ProducerRecord<>(prefix + ".alerts.v1", a.subject(), Json.mapper().writeValueAsBytes(a))).get();
      }
    }
  }

  private static List<AlertEvent> alerts(int fromInclusive, int toInclusive) {
    return IntStream.rangeClosed(fromInclusive, toInclusive).mapToObj(TestAlerts::familyCrossed).toList();
  }

  private List<String> deliveredIds() {
    return webhook.requests().stream().filter(r -> r.path().equals("/hook"))
        .filter(r -> r.bodyText().contains("\"id\""))
        .map(r -> r.header("Idempotency-Key")).toList();
  }

  /** Waits until the group's committed offsets reach the end of every input partition. */
  private void awaitAllCommitted() throws Exception {
    try (Admin admin = Admin.create(broker.adminConfig())) {
      String topic = prefix + ".alerts.v1";
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      IntStream.range(0, partitions).forEach(p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest()));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        Map<TopicPartition, Long> end = admin.listOffsets(latest).all().get().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        boolean done = end.entrySet().stream().allMatch(e -> e.getValue() == 0
            || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
        if (done) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("offsets not committed to the end: end " + end + ", committed " + committed);
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
  }

  /** Forgets the group's committed offsets, as if the router had died before committing. */
  private void rewindGroup() throws Exception {
    try (Admin admin = Admin.create(broker.adminConfig())) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetAndMetadata> zero = committed.keySet().stream()
          .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)));
      admin.alterConsumerGroupOffsets(group, zero).all().get(30, TimeUnit.SECONDS);
    }
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
    Map<String, Object> c = new HashMap<>(broker.adminConfig());
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // a little longer, to see records that should not be there
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void restartedRouterDeliversEveryAlertOnceEvenWhenItsOffsetsWereLost() throws Exception {
    broker.createTopic(prefix + ".alerts.v1", 3, Map.of());
    List<AlertEvent> first = alerts(1, 5);
    publish(first);

    AlertRouterService a = start(webhookConfig(3));
    webhook.await(5, r -> true, WAIT);
    awaitAllCommitted();
    stop(a);

    // as if the router had died after delivering but before committing: every record is re-read
    rewindGroup();
    List<AlertEvent> second = alerts(6, 10);
    publish(second);
    publish(List.of(first.get(2))); // the streams app re-emitting an alert it already sent

    start(webhookConfig(3));
    awaitAllCommitted();

    Set<String> expected = new HashSet<>();
    first.forEach(e -> expected.add(e.id()));
    second.forEach(e -> expected.add(e.id()));
    List<String> delivered = deliveredIds();
    assertThat(delivered).as("no alert id reaches the webhook twice").doesNotHaveDuplicates();
    assertThat(Set.copyOf(delivered)).as("none is lost").isEqualTo(expected);
    assertThat(readAll(prefix + ".alerts.dead.v1", 0)).isEmpty();
    assertThat(readAll(prefix + ".alerts.delivered.v1", 10))
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(id -> "hook|" + id).toList());
  }

  @Test
  void undeliverableAlertGoesToTheDeadTopicWithTheLastErrorAndIsCommitted() throws Exception {
    broker.createTopic(prefix + ".alerts.v1", 1, Map.of());
    webhook.replyByDefault(Reply.status(503));
    AlertEvent alert = TestAlerts.familyCrossed(42);
    byte[] value = Json.mapper().writeValueAsBytes(alert);
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<String, byte[]> p = producer(Map.of())) {
      p.send(new ProducerRecord<>(prefix + ".alerts.v1", alert.subject(), value)).get();
      p.send(new ProducerRecord<>(prefix + ".alerts.v1", "junk", garbage)).get();
    }

    start(webhookConfig(3));
    awaitAllCommitted();

    assertThat(webhook.requests()).hasSize(3);
    List<ConsumerRecord<String, byte[]>> dead = readAll(prefix + ".alerts.dead.v1", 2);
    assertThat(dead).hasSize(2);
    ConsumerRecord<String, byte[]> letter = dead.get(0);
    assertThat(letter.key()).isEqualTo(alert.subject());
    assertThat(letter.value()).isEqualTo(value);
    assertThat(header(letter, "sink")).isEqualTo("hook");
    assertThat(header(letter, "error")).isEqualTo("HTTP 503: status 503");
    assertThat(header(letter, "attempts")).isEqualTo("3");
    assertThat(header(letter, "alert_id")).isEqualTo(alert.id());
    assertThat(header(letter, "failed_at")).isNotBlank();
    ConsumerRecord<String, byte[]> unreadable = dead.get(1);
    assertThat(unreadable.key()).isEqualTo("junk");
    assertThat(unreadable.value()).isEqualTo(garbage);
    assertThat(header(unreadable, "sink")).isEqualTo("router");
    assertThat(header(unreadable, "error")).startsWith("unreadable AlertEvent");
  }

  @Test
  void alertsOfAnAbortedTransactionAreNeverDelivered(@TempDir Path dir) throws Exception {
    broker.createTopic(prefix + ".alerts.v1", 1, Map.of());
    Path archive = dir.resolve("alerts.jsonl");
    RouterConfig config = RouterConfigs.parse("""
        topic_prefix: %s
        group_id: %s
        poll_timeout: 100ms
        sinks: {archive: {type: jsonl, path: %s}}
        routes: [{sinks: [archive]}]
        """.formatted(prefix, group, archive), "test");
    AlertEvent aborted = TestAlerts.familyCrossed(1);
    AlertEvent committed = TestAlerts.familyCrossed(2);
    try (KafkaProducer<String, byte[]> p = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + prefix))) {
      p.initTransactions();
      p.beginTransaction();
      p.send(new ProducerRecord<>(prefix + ".alerts.v1", "same-key", Json.mapper().writeValueAsBytes(aborted))).get();
      p.abortTransaction();
      p.beginTransaction();
      p.send(new ProducerRecord<>(prefix + ".alerts.v1", "same-key", Json.mapper().writeValueAsBytes(committed))).get();
      p.commitTransaction();
    }

    start(config);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!(Files.exists(archive) && Files.readString(archive).contains(committed.id()))) {
      assertThat(System.nanoTime()).as("the committed alert reaches the archive").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(100);
    }
    List<String> lines = Files.readAllLines(archive);
    assertThat(lines).hasSize(1);
    assertThat(Json.mapper().readValue(lines.get(0), AlertEvent.class)).isEqualTo(committed);
  }

  @Test
  void twoRoutersSharingAGroupDeliverEveryAlertOnceBetweenThem() throws Exception {
    broker.createTopic(prefix + ".alerts.v1", 4, Map.of());
    List<AlertEvent> all = alerts(1, 40);
    publish(all.subList(0, 20));
    start(webhookConfig(3));
    start(webhookConfig(3));
    publish(all.subList(20, 40));
    awaitAllCommitted();

    List<String> delivered = deliveredIds();
    assertThat(delivered).doesNotHaveDuplicates();
    assertThat(Set.copyOf(delivered)).isEqualTo(all.stream().map(AlertEvent::id).collect(Collectors.toSet()));
  }
}
