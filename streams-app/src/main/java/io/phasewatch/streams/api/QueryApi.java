package io.phasewatch.streams.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.Json;
import io.phasewatch.streams.topology.Names;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} (Prometheus text format) and the JSON API over the stores of this instance:
 *
 * <ul>
 *   <li>{@code GET /api/families}: every FamilyDiagnosis; {@code /api/families/{family}}: one;
 *   <li>{@code GET /api/panels}: the panel names; {@code /api/panels/{panel}}: its PanelDiagnosis;
 *   <li>{@code GET /api/frontier}: the cohort names; {@code /api/frontier/{cohort}}: its
 *       FrontierDiagnosis;
 *   <li>{@code GET /api/alerts?since=ISO-TIME}: the AlertEvents emitted since then, oldest first.
 * </ul>
 *
 * An embedding command may add JSON routes of its own (e.g. {@code /api/status} of {@code
 * phasewatch run}) with {@link #QueryApi(int, StoreAccess, Supplier, Map)}.
 *
 * <p>While a store is not queryable (rebalance, restore) the answer is 503 with {@code Retry-After};
 * an unknown name or path is 404, a bad {@code since} 400, each with a JSON {@code error}; never a
 * stack trace.
 */
public final class QueryApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);
  static final String RETRY_AFTER_SECONDS = "5";

  private final ObjectMapper json = Json.mapper();
  private final StoreAccess stores;
  private final Supplier<String> metrics;
  private final Map<String, Supplier<?>> extraRoutes;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "phasewatch-http");
    t.setDaemon(true);
    return t;
  });

  /** Binds {@code port} on all interfaces (0 picks a free one); {@link #start} serves. */
  public QueryApi(int port, StoreAccess stores, Supplier<String> metrics) throws IOException {
    this(port, stores, metrics, Map.of());
  }

  /**
   * As {@link #QueryApi(int, StoreAccess, Supplier)}, with {@code extraRoutes}: exact paths
   * (e.g. {@code /api/status}) answered 200 with their supplier's value as JSON.
   */
  public QueryApi(int port, StoreAccess stores, Supplier<String> metrics,
      Map<String, Supplier<?>> extraRoutes) throws IOException {
    this.stores = stores;
    this.metrics = metrics;
    this.extraRoutes = Map.copyOf(extraRoutes);
    this.server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  public QueryApi start() {
    server.start();
    LOG.info("serving /metrics and /api on port {}", port());
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private record Answer(int status, Object body) {}

  private void handle(HttpExchange exchange) throws IOException {
    Answer answer;
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        answer = new Answer(405, error("only GET is supported"));
      } else if (exchange.getRequestURI().getPath().equals("/metrics")) {
        send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
            metrics.get().getBytes(StandardCharsets.UTF_8));
        return;
      } else {
        answer = route(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery());
      }
    } catch (InvalidStateStoreException e) {
      exchange.getResponseHeaders().add("Retry-After", RETRY_AFTER_SECONDS);
      answer = new Answer(503, error("state is not queryable yet (rebalancing or restoring)"));
    } catch (RuntimeException e) {
      LOG.warn("query {} failed: {}", exchange.getRequestURI(), e.toString());
      answer = new Answer(500, error("internal error"));
    }
    send(exchange, answer.status(), "application/json", json.writeValueAsBytes(answer.body()));
  }

  Answer route(String path, String rawQuery) {
    Supplier<?> extra = extraRoutes.get(path);
    if (extra != null) {
      return new Answer(200, extra.get());
    }
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (!p.isEmpty()) {
        parts.add(URLDecoder.decode(p, StandardCharsets.UTF_8));
      }
    }
    if (parts.size() < 2 || !parts.get(0).equals("api") || parts.size() > 3) {
      return new Answer(404, error("no such path: " + path));
    }
    String what = parts.get(1);
    String name = parts.size() == 3 ? parts.get(2) : null;
    return switch (what) {
      case "families" -> name == null
          ? new Answer(200, values(Names.FAMILY_DIAGNOSIS_STORE))
          : one(Names.FAMILY_DIAGNOSIS_STORE, name, "family");
      case "panels" -> name == null
          ? new Answer(200, keys(Names.PANEL_DIAGNOSIS_STORE))
          : one(Names.PANEL_DIAGNOSIS_STORE, name, "panel");
      case "frontier" -> name == null
          ? new Answer(200, keys(Names.FRONTIER_DIAGNOSIS_STORE))
          : one(Names.FRONTIER_DIAGNOSIS_STORE, name, "cohort");
      case "alerts" -> name == null ? alerts(rawQuery)
          : new Answer(404, error("no such path: " + path));
      default -> new Answer(404, error("no such path: " + path));
    };
  }

  private Answer one(String store, String name, String kind) {
    Object value = stores.keyValueStore(store).get(name);
    return value == null
        ? new Answer(404, error("no " + kind + " named " + name))
        : new Answer(200, value);
  }

  private List<Object> values(String store) {
    List<Object> out = new ArrayList<>();
    ReadOnlyKeyValueStore<String, Object> s = stores.keyValueStore(store);
    try (KeyValueIterator<String, Object> it = s.all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  private List<String> keys(String store) {
    List<String> out = new ArrayList<>();
    ReadOnlyKeyValueStore<String, Object> s = stores.keyValueStore(store);
    try (KeyValueIterator<String, Object> it = s.all()) {
      it.forEachRemaining(kv -> out.add(kv.key));
    }
    out.sort(null);
    return out;
  }

  private Answer alerts(String rawQuery) {
    Instant since = Instant.EPOCH;
    String value = query(rawQuery).get("since");
    if (value != null) {
      try {
        since = Instant.parse(value);
      } catch (DateTimeParseException e) {
        return new Answer(400, error("since must be an ISO-8601 instant, e.g. "
            + "2026-11-01T00:00:00Z; was " + value));
      }
    }
    ReadOnlyKeyValueStore<String, AlertEvent> log = stores.keyValueStore(Names.ALERTS_LOG_STORE);
    List<AlertEvent> out = new ArrayList<>();
    String from = String.format(Locale.ROOT, "%019d|", Math.max(0, since.toEpochMilli()));
    try (KeyValueIterator<String, AlertEvent> it = log.range(from, "9999999999999999999|~")) {
      while (it.hasNext()) {
        KeyValue<String, AlertEvent> kv = it.next();
        out.add(kv.value);
      }
    }
    return new Answer(200, out);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new TreeMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static Map<String, String> error(String message) {
    return Map.of("error", message);
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
