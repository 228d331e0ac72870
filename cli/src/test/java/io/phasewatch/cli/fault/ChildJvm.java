package io.phasewatch.cli.fault;

import io.phasewatch.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phasewatch streams application ({@code io.phasewatch.streams.StreamsApp --config FILE})
 * as a child JVM on the test runtime classpath, its output in a log file. Every child started is
 * remembered, so that {@link #killAll()} in an {@code @AfterAll} leaves none behind; each also
 * halts by itself when the test JVM goes away ({@link OrphanGuard}).
 */
final class ChildJvm {
  private static final List<ChildJvm> STARTED = new CopyOnWriteArrayList<>();
  private static final Pattern API_PORT = Pattern.compile("serving /metrics and /api on port (\\d+)");

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code StreamsApp --config config}, logging to {@code logDir/name.log}. */
  static ChildJvm streamsApp(String name, Path config, Path logDir) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m",
        "-XX:+UseSerialGC",
        "-Dlog4j2.configurationFile=" + logConfig(),
        "-cp", System.getProperty("java.class.path"),
        OrphanGuard.class.getName(),
        "io.phasewatch.streams.StreamsApp", "--config", config.toString()));
    Path log = logDir.resolve(name + ".log");
    try {
      Files.createDirectories(logDir);
      Process p = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      ChildJvm child = new ChildJvm(name, p, log);
      STARTED.add(child);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  private static String logConfig() {
    try {
      return Path.of(ChildJvm.class.getResource("/fault-child-log4j2.xml").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the application's shutdown hook closes it cleanly. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int count(String text) {
    String all = log();
    int n = 0;
    for (int i = all.indexOf(text); i >= 0; i = all.indexOf(text, i + text.length())) {
      n++;
    }
    return n;
  }

  /** Waits until {@code text} has appeared at least {@code times} times in the log. */
  void awaitLog(String text, int times, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(text) < times) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited (" + process.exitValue() + ") before logging '"
            + text + "':\n" + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " did not log '" + text + "' " + times + " times within "
            + timeout + ":\n" + tail());
      }
      Thread.sleep(100);
    }
  }

  /** Waits for the query API's port in the log. */
  int apiPort(Duration timeout) throws InterruptedException {
    awaitLog("serving /metrics and /api on port", 1, timeout);
    Matcher m = API_PORT.matcher(log());
    int port = -1;
    while (m.find()) {
      port = Integer.parseInt(m.group(1));
    }
    return port;
  }

  String tail() {
    String all = log();
    return all.length() <= 4000 ? all : all.substring(all.length() - 4000);
  }

  /** Kills every child still running. */
  static void killAll() throws InterruptedException {
    for (ChildJvm c : STARTED) {
      if (c.isAlive()) {
        c.kill();
      }
    }
    STARTED.clear();
  }

  /** A fault test's {@code @AfterAll}: every child killed, then its broker (if started) closed. */
  static void killAllThenClose(EmbeddedKafkaBroker broker) throws InterruptedException {
    killAll();
    if (broker != null) {
      broker.close();
    }
  }
}
