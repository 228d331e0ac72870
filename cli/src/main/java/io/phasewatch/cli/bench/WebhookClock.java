package io.phasewatch.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A webhook endpoint for the alert router that notes when each alert id first arrives (the
 * monotonic clock of {@link System#nanoTime()}), so the benchmark can time publish → delivered.
 */
final class WebhookClock implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

  WebhookClock() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** Alert id → arrival time of its first delivery. */
  Map<String, Long> arrivals() {
    return Map.copyOf(arrivals);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    try (InputStream in = exchange.getRequestBody()) {
      JsonNode body = Json.mapper().readTree(in.readAllBytes());
      if (body != null && body.hasNonNull("id")) {
        arrivals.putIfAbsent(body.get("id").asText(), now);
      }
    } catch (IOException unreadable) {
      // not an alert; answer all the same
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
