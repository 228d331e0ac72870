package io.phasewatch.alerts.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local HTTP receiver (JDK {@link HttpServer} on loopback, any free port) that records every
 * request and answers from a script of replies, then with the default reply.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One recorded request. */
  public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst().map(e -> e.getValue().get(0)).orElse(null);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A scripted answer: status, optional delay before answering, extra headers. */
  public record Reply(int status, Duration delay, Map<String, String> headers) {
    public static Reply status(int status) {
      return new Reply(status, Duration.ZERO, Map.of());
    }

    public static Reply slow(Duration delay) {
      return new Reply(200, delay, Map.of());
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Reply defaultReply = Reply.status(200);

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "webhook-receiver");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers the next requests with these replies, in order. */
  public WebhookReceiver thenReply(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  public WebhookReceiver replyByDefault(Reply reply) {
    this.defaultReply = reply;
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  /** Waits until at least {@code n} recorded requests satisfy {@code which}. */
  public List<Request> await(int n, Predicate<Request> which, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Request> matching = requests.stream().filter(which).toList();
      if (matching.size() >= n) {
        return matching;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + n + " matching requests within " + timeout
            + ", got " + matching.size() + " of " + requests.size());
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Headers h = exchange.getRequestHeaders();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.forEach((k, v) -> headers.put(k, List.copyOf(v)));
      Reply reply = script.poll();
      if (reply == null) {
        reply = defaultReply;
      }
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          headers, body));
      if (!reply.delay().isZero()) {
        try {
          TimeUnit.MILLISECONDS.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] answer = ("status " + reply.status()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      } catch (IOException clientGone) {
        // the client timed out and closed the connection: expected for slow replies
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
