package io.phasewatch.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster (one KRaft process acting as broker and controller) inside this
 * JVM, listening on free loopback ports.
 *
 * <p>Settings are those a one-node cluster needs for everything phasewatch does, exactly-once
 * included: replication factor 1 for every internal topic, transaction state log min ISR 1, no
 * initial rebalance delay. Topics are not created automatically: whoever produces creates its
 * topics with the cleanup policy it needs.
 *
 * <p>The log directory is formatted on first start with the KRaft storage {@link Formatter}. The
 * same instance can be {@link #stop() stopped} and {@link #start() started} again on the same
 * directory and ports, so a client sees a broker restart, not a new cluster.
 *
 * <p>Kafka's threads are not daemons: a process that starts this broker must {@link #close()} it
 * (try-with-resources, or {@link #closeOnShutdown()} for a long-running command).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path logDir;
  private final boolean ownsLogDir;
  private final Map<String, String> overrides;
  private final int brokerPort;
  private final int controllerPort;
  private KafkaRaftServer server;
  private Thread shutdownHook;

  private EmbeddedKafkaBroker(Path logDir, boolean ownsLogDir, Map<String, String> overrides) {
    this.logDir = logDir;
    this.ownsLogDir = ownsLogDir;
    this.overrides = Map.copyOf(overrides);
    this.brokerPort = freeLoopbackPort();
    this.controllerPort = freeLoopbackPort(brokerPort);
  }

  /** Starts a broker on a fresh temporary log directory, deleted again by {@link #close()}. */
  public static EmbeddedKafkaBroker startTemporary() {
    return startTemporary(Map.of());
  }

  /** As {@link #startTemporary()}, with broker settings that replace the defaults. */
  public static EmbeddedKafkaBroker startTemporary(Map<String, String> overrides) {
    Path dir;
    try {
      dir = Files.createTempDirectory("phasewatch-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return startAndReturn(new EmbeddedKafkaBroker(dir, true, overrides));
  }

  /**
   * Starts a broker on {@code logDir}, formatting it if it holds no cluster yet; the directory is
   * kept on {@link #close()}, so a later broker on it sees the same topics and records.
   */
  public static EmbeddedKafkaBroker start(Path logDir) {
    return start(logDir, Map.of());
  }

  /** As {@link #start(Path)}, with broker settings that replace the defaults. */
  public static EmbeddedKafkaBroker start(Path logDir, Map<String, String> overrides) {
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return startAndReturn(new EmbeddedKafkaBroker(logDir, false, overrides));
  }

  private static EmbeddedKafkaBroker startAndReturn(EmbeddedKafkaBroker broker) {
    try {
      broker.start();
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /** {@code host:port} of the client listener, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  public Path logDir() {
    return logDir;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Starts the broker (formatting the log directory first if needed) and waits until it answers
   * an admin request. Does nothing when it is already running.
   */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    formatIfNeeded();
    KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
    try {
      started.startup();
    } catch (RuntimeException e) {
      shutDown(started);
      throw e;
    }
    server = started;
    awaitReady();
    LOG.info("Embedded Kafka broker up at {} (log dir {})", bootstrapServers(), logDir);
  }

  /** Stops the broker and waits for its threads; the log directory stays for a restart. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    KafkaRaftServer running = server;
    server = null;
    shutDown(running);
    LOG.info("Embedded Kafka broker at {} stopped", bootstrapServers());
  }

  /** Stops and starts the broker again on the same log directory and ports. */
  public synchronized void restart() {
    stop();
    start();
  }

  /**
   * Creates a topic unless it exists (an existing topic is left as it is).
   *
   * @return true if this call created it
   */
  public boolean createTopic(String name, int partitions, Map<String, String> configs) {
    try (Admin admin = Admin.create(adminConfig())) {
      NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty())
          .configs(configs);
      admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw new IllegalStateException("could not create topic " + name, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topic " + name, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating topic " + name, e);
    }
  }

  /** The minimal client configuration for this broker: {@code bootstrap.servers}. */
  public Map<String, Object> adminConfig() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /**
   * Registers a JVM shutdown hook that closes this broker, for a long-running process stopped by
   * Ctrl-C; {@link #close()} removes it again.
   */
  public synchronized EmbeddedKafkaBroker closeOnShutdown() {
    if (shutdownHook == null) {
      shutdownHook = new Thread(this::closeFromHook, "phasewatch-broker-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    return this;
  }

  /** Stops the broker; deletes the log directory if this broker created it. */
  @Override
  public void close() {
    synchronized (this) {
      if (shutdownHook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
          // the hook is running or about to: nothing to remove
        }
        shutdownHook = null;
      }
    }
    closeFromHook();
  }

  private void closeFromHook() {
    stop();
    if (ownsLogDir) {
      deleteRecursively(logDir);
    }
  }

  private Map<String, String> config() {
    Map<String, String> c = new HashMap<>();
    c.put("process.roles", "broker,controller");
    c.put("node.id", Integer.toString(NODE_ID));
    c.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    c.put("controller.listener.names", CONTROLLER_LISTENER);
    c.put("listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
    c.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    c.put("inter.broker.listener.name", "PLAINTEXT");
    c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    c.put("log.dirs", logDir.toString());
    c.put("metadata.log.dir", logDir.toString());
    c.put("num.partitions", "1");
    c.put("default.replication.factor", "1");
    c.put("min.insync.replicas", "1");
    c.put("offsets.topic.replication.factor", "1");
    c.put("offsets.topic.num.partitions", "1");
    c.put("transaction.state.log.replication.factor", "1");
    c.put("transaction.state.log.min.isr", "1");
    c.put("transaction.state.log.num.partitions", "1");
    c.put("share.coordinator.state.topic.replication.factor", "1");
    c.put("share.coordinator.state.topic.min.isr", "1");
    c.put("group.initial.rebalance.delay.ms", "0");
    c.put("auto.create.topics.enable", "false");
    c.putAll(overrides);
    return c;
  }

  private void formatIfNeeded() {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("could not format Kafka log directory " + logDir, e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin = Admin.create(adminConfig())) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException notYet) {
          // the broker is still registering with its controller
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Kafka broker not ready after " + READY_TIMEOUT);
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the Kafka broker", e);
    }
  }

  private static void shutDown(KafkaRaftServer s) {
    s.shutdown();
    s.awaitShutdown();
  }

  private static int freeLoopbackPort(int... avoid) {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (Arrays.stream(avoid).noneMatch(p -> p == port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free loopback port");
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.warn("could not delete {}: {}", p, e.getMessage());
        }
      });
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }
}
