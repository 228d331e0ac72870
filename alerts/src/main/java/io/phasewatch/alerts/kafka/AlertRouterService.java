package io.phasewatch.alerts.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phasewatch.alerts.config.RouterConfig;
import io.phasewatch.alerts.delivery.AlertRouter;
import io.phasewatch.alerts.delivery.RetryingDelivery;
import io.phasewatch.alerts.delivery.Sleeper;
import io.phasewatch.alerts.metrics.RouterMetrics;
import io.phasewatch.alerts.route.Routes;
import io.phasewatch.alerts.sink.AlertSink;
import io.phasewatch.alerts.sink.AlertText;
import io.phasewatch.alerts.sink.Sinks;
import io.phasewatch.core.domain.AlertEvent;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert router as a running service: one consumer thread reading {@code
 * <prefix>.alerts.v1} in group {@code group_id}, handing each record to the {@link AlertRouter}
 * and committing its offset only once every sink of the record has delivered it or it has been
 * dead-lettered (at-least-once). Start with {@link #builder}; stop with {@link #close()}.
 *
 * <p>Offsets are committed after each poll's records, when partitions are revoked, and on
 * close. A record being delivered when the service stops is not committed: the next owner of
 * its partition reads it again, and the delivered-id ledger keeps sinks that already have it
 * from getting it twice.
 */
public final class AlertRouterService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRouterService.class);

  private final RouterConfig config;
  private final AlertTopics topics;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaDeliveryLedger ledger;
  private final Map<String, AlertSink> sinks;
  private final AlertRouter router;
  private final KafkaClientMetrics consumerMetrics;
  private final Duration shutdownGrace;
  private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  private AlertRouterService(Builder b) {
    this.config = b.config;
    this.topics = AlertTopics.withPrefix(config.topicPrefix());
    this.shutdownGrace = b.shutdownGrace;
    Map<String, Object> client = new HashMap<>(config.kafka());
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    String clientId = b.clientId
        .orElse("phasewatch-alerts-" + UUID.randomUUID().toString().substring(0, 8));

    if (b.createTopics) {
      createTopics(client, b.kafkaTimeout);
    }
    this.sinks = Sinks.create(config, b.env, b.console, b.consoleFormat);
    KafkaProducer<String, byte[]> p = null;
    KafkaDeliveryLedger l = null;
    KafkaConsumer<String, byte[]> c = null;
    try {
      p = new KafkaProducer<>(producerConfig(client, clientId));
      Map<String, Object> ledgerClient = new HashMap<>(client);
      ledgerClient.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-ledger");
      l = new KafkaDeliveryLedger(ledgerClient, p, topics.delivered(), b.kafkaTimeout);
      l.catchUp();
      c = new KafkaConsumer<>(consumerConfig(client, clientId));
    } catch (RuntimeException e) {
      if (c != null) {
        c.close();
      }
      if (l != null) {
        l.close();
      }
      if (p != null) {
        p.close(Duration.ZERO);
      }
      sinks.values().forEach(AlertSink::close);
      throw e;
    }
    this.producer = p;
    this.ledger = l;
    this.consumer = c;

    RouterMetrics metrics = new RouterMetrics(b.registry);
    metrics.registerSinks(sinks.keySet());
    Map<String, RetryingDelivery> deliveries = new LinkedHashMap<>();
    sinks.forEach((name, sink) -> deliveries.put(name, new RetryingDelivery(sink,
        config.retryFor(name), b.sleeper, b.clock, b.uniform, metrics)));
    this.router = new AlertRouter(new Routes(config.routes()), deliveries, ledger,
        new KafkaDeadLetters(producer, topics.dead(), b.kafkaTimeout), metrics, b.clock);
    this.consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(b.registry);
    this.thread = new Thread(this::run, "phasewatch-alert-router");
  }

  public static Builder builder(RouterConfig config, String bootstrapServers) {
    return new Builder(config, bootstrapServers);
  }

  public AlertTopics topics() {
    return topics;
  }

  /** Whether the consumer loop is still running. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** Why the loop stopped on its own, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Waits for the loop to end (after {@link #close()} or a failure). */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  private AlertRouterService start() {
    consumer.subscribe(List.of(topics.alerts()), new Rebalance());
    thread.start();
    LOG.info("Alert router started: {} -> sinks {} (group {})", topics.alerts(),
        sinks.keySet(), config.groupId());
    return this;
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(config.pollTimeout())) {
          router.route(Optional.ofNullable(r.key()), r.value());
          processed.put(new TopicPartition(r.topic(), r.partition()),
              new OffsetAndMetadata(r.offset() + 1));
          if (!running) {
            break;
          }
        }
        commitProcessed();
      }
    } catch (WakeupException e) {
      if (running) {
        failure.set(e);
      }
    } catch (InterruptedException e) {
      LOG.info("Alert router interrupted while delivering; that record is not committed");
    } catch (RuntimeException | Error e) {
      failure.set(e);
      LOG.error("Alert router stopped", e);
    } finally {
      try {
        commitProcessed();
      } catch (RuntimeException e) {
        LOG.warn("Could not commit the last offsets (they will be re-read; sinks that have "
            + "an alert do not get it again): {}", e.toString());
      }
      consumerMetrics.close();
      consumer.close();
    }
  }

  private void commitProcessed() {
    if (!processed.isEmpty()) {
      ledger.flush();
      consumer.commitSync(Map.copyOf(processed));
      processed.clear();
    }
  }

  /** Stops the loop (after the record in hand, or after a grace period), closes everything. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(shutdownGrace.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(shutdownGrace.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ledger.close();
    producer.close(Duration.ofSeconds(5));
    sinks.values().forEach(AlertSink::close);
    LOG.info("Alert router stopped");
  }

  private static Map<String, Object> producerConfig(Map<String, Object> client, String clientId) {
    Map<String, Object> p = new HashMap<>(client);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return p;
  }

  /** The router consumer's {@code fetch.max.wait.ms} unless the configuration sets one. */
  static final int FETCH_MAX_WAIT_MS = 50;

  private Map<String, Object> consumerConfig(Map<String, Object> client, String clientId) {
    Map<String, Object> c = new HashMap<>(client);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // the streams app writes alerts in exactly-once transactions
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
    // an alert waits for no more than this once committed: the default (500 ms) is a broker's
    // wait for more data to batch, which an alert stream at a few per second never fills
    c.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return c;
  }

  private void createTopics(Map<String, Object> client, Duration timeout) {
    try (Admin admin = Admin.create(client)) {
      List<NewTopic> wanted = List.of(
          new NewTopic(topics.dead(), Optional.of(1), Optional.empty())
              .configs(AlertTopics.DEAD_CONFIG),
          new NewTopic(topics.delivered(), Optional.of(1), Optional.empty())
              .configs(AlertTopics.DELIVERED_CONFIG));
      for (var entry : admin.createTopics(wanted).values().entrySet()) {
        try {
          entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("could not create topic " + entry.getKey() + ": "
                + e.getCause(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating the alert router's topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating the alert router's topics", e);
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> mine = processed.entrySet().stream()
          .filter(e -> partitions.contains(e.getKey()))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      if (!mine.isEmpty()) {
        ledger.flush();
        consumer.commitSync(mine);
        processed.keySet().removeAll(mine.keySet());
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      processed.keySet().removeAll(Set.copyOf(partitions));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        // a previous owner may have delivered records it had not committed
        ledger.catchUp();
      }
    }
  }

  /** Settings of a router service; everything but the configuration and servers is optional. */
  public static final class Builder {
    private final RouterConfig config;
    private final String bootstrapServers;
    private MeterRegistry registry = new SimpleMeterRegistry();
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier uniform = () -> ThreadLocalRandom.current().nextDouble();
    private Function<String, Optional<String>> env = Sinks.systemEnv();
    private PrintStream console = System.out;
    private Function<AlertEvent, String> consoleFormat = AlertText::line;
    private Optional<String> clientId = Optional.empty();
    private boolean createTopics = true;
    private Duration kafkaTimeout = Duration.ofSeconds(30);
    private Duration shutdownGrace = Duration.ofSeconds(10);

    private Builder(RouterConfig config, String bootstrapServers) {
      this.config = config;
      this.bootstrapServers = bootstrapServers;
    }

    public Builder meterRegistry(MeterRegistry r) {
      this.registry = r;
      return this;
    }

    public Builder sleeper(Sleeper s) {
      this.sleeper = s;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    /** Draws the retry jitter: a number in [0, 1) per wait. */
    public Builder jitter(DoubleSupplier u) {
      this.uniform = u;
      return this;
    }

    /** Looks up environment variables (webhook secrets). */
    public Builder env(Function<String, Optional<String>> e) {
      this.env = e;
      return this;
    }

    public Builder console(PrintStream out) {
      this.console = out;
      return this;
    }

    /** How console sinks write an alert (default {@link AlertText#line}). */
    public Builder consoleFormat(Function<AlertEvent, String> format) {
      this.consoleFormat = format;
      return this;
    }

    public Builder clientId(String id) {
      this.clientId = Optional.of(id);
      return this;
    }

    /** Whether to create the dead-letter and ledger topics when missing (default true). */
    public Builder createTopics(boolean create) {
      this.createTopics = create;
      return this;
    }

    /** Bounds each Kafka call the router waits for (ledger and dead-letter writes, reads). */
    public Builder kafkaTimeout(Duration t) {
      this.kafkaTimeout = t;
      return this;
    }

    /** How long {@link #close()} lets the record in hand finish before interrupting it. */
    public Builder shutdownGrace(Duration g) {
      this.shutdownGrace = g;
      return this;
    }

    /** Builds the sinks, reads the ledger, subscribes and starts the consumer thread. */
    public AlertRouterService start() {
      return new AlertRouterService(this).start();
    }
  }
}
