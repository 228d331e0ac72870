package io.phasewatch.cli.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.phasewatch.alerts.config.RouterConfig;
import io.phasewatch.alerts.config.RouterConfigs;
import io.phasewatch.alerts.kafka.AlertRouterService;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The alert router in this JVM, delivering every alert of a topic prefix to a webhook sink whose
 * endpoint (a JDK HttpServer) records the id of every delivery it receives, duplicates included.
 */
final class AlertDelivery implements AutoCloseable {
  private final HttpServer server;
  private final List<String> received = new ArrayList<>();
  private final AlertRouterService router;

  AlertDelivery(String servers, String prefix) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", this::handle);
    server.start();
    RouterConfig config = RouterConfigs.parse("""
        topic_prefix: %s
        group_id: %s-alerts
        poll_timeout: 100ms
        sinks:
          hook:
            type: webhook
            url: http://127.0.0.1:%d/hook
            secret_env: FAULT_WEBHOOK_SECRET
        routes:
          - sinks: [hook]
        """.formatted(prefix, prefix, server.getAddress().getPort()), "fault test");
    router = AlertRouterService.builder(config, servers)
        .env(name -> Optional.of("fault-secret"))
        .console(new PrintStream(OutputStream.nullOutputStream()))
        .start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      JsonNode body = Json.mapper().readTree(in.readAllBytes());
      synchronized (received) {
        received.add(body.get("id").asText());
      }
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  /** Every alert id delivered, in arrival order, duplicates included. */
  List<String> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Waits until every id of {@code ids} has been delivered at least once. */
  void awaitDelivered(Collection<String> ids, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!new HashSet<>(received()).containsAll(ids) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  boolean routerRunning() {
    return router.isRunning();
  }

  @Override
  public void close() {
    router.close();
    server.stop(0);
  }
}
