package io.phasewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.phasewatch.ingest.feed.HttpSettings;
import io.phasewatch.ingest.feed.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client against a JDK HttpServer on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SourceFetcherTest {
  private static final byte[] BODY = "model,value\na,1\n".getBytes(StandardCharsets.UTF_8);

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final SourceFetcher fetcher = new SourceFetcher();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  private Location at(String path) {
    return Location.of("http://127.0.0.1:" + server.getAddress().getPort() + path, Path.of("."));
  }

  private static HttpSettings settings(long maxBytes, int retries, String readTimeout) {
    return new HttpSettings(Optional.of("2s"), Optional.of(readTimeout), Optional.of(maxBytes),
        Optional.of(retries), Optional.of("10ms"));
  }

  private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void sendsTheValidatorsOfTheLastReadAndTreats304AsNotModified() throws Exception {
    server.createContext("/feed.csv", ex -> {
      requests.incrementAndGet();
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        respond(ex, 304, new byte[0]);
        return;
      }
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      ex.getResponseHeaders().add("Last-Modified", "Sun, 01 Nov 2026 00:00:00 GMT");
      respond(ex, 200, BODY);
    });
    Fetched first = fetcher.fetch(at("/feed.csv"), settings(1000, 0, "5s"), Validators.none());
    assertThat(first).isInstanceOf(Fetched.Content.class);
    Fetched.Content content = (Fetched.Content) first;
    assertThat(content.bytes()).isEqualTo(BODY);
    assertThat(content.validators().etag()).hasValue("\"v1\"");
    assertThat(content.validators().lastModified()).hasValue("Sun, 01 Nov 2026 00:00:00 GMT");

    Fetched second = fetcher.fetch(at("/feed.csv"), settings(1000, 0, "5s"), content.validators());
    assertThat(second).isInstanceOf(Fetched.NotModified.class);
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void retriesServerErrorsWithBackoffThenSucceeds() throws Exception {
    server.createContext("/flaky", ex -> {
      if (requests.incrementAndGet() <= 2) {
        respond(ex, 503, new byte[0]);
      } else {
        respond(ex, 200, BODY);
      }
    });
    Fetched f = fetcher.fetch(at("/flaky"), settings(1000, 3, "5s"), Validators.none());
    assertThat(((Fetched.Content) f).bytes()).isEqualTo(BODY);
    assertThat(requests.get()).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheConfiguredRetries() {
    server.createContext("/down", ex -> {
      requests.incrementAndGet();
      respond(ex, 500, new byte[0]);
    });
    assertThatThrownBy(() -> fetcher.fetch(at("/down"), settings(1000, 2, "5s"), Validators.none()))
        .isInstanceOf(FetchException.class).hasMessageContaining("3 attempts").hasMessageContaining("HTTP 500");
    assertThat(requests.get()).isEqualTo(3);
  }

  @Test
  void doesNotRetryAClientError() {
    server.createContext("/missing", ex -> {
      requests.incrementAndGet();
      respond(ex, 404, new byte[0]);
    });
    assertThatThrownBy(() -> fetcher.fetch(at("/missing"), settings(1000, 3, "5s"), Validators.none()))
        .isInstanceOf(FetchException.class).hasMessageContaining("HTTP 404");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void refusesABodyOverTheSizeCap() {
    server.createContext("/big", ex -> respond(ex, 200, new byte[10_000]));
    assertThatThrownBy(() -> fetcher.fetch(at("/big"), settings(1000, 3, "5s"), Validators.none()))
        .isInstanceOf(FetchException.class).hasMessageContaining("cap of 1000 bytes");
  }

  @Test
  void timesOutASlowServerAndRetries() {
    server.createContext("/slow", ex -> {
      requests.incrementAndGet();
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(ex, 200, BODY);
    });
    assertThatThrownBy(() -> fetcher.fetch(at("/slow"), settings(1000, 1, "300ms"), Validators.none()))
        .isInstanceOf(FetchException.class).hasMessageContaining("2 attempts");
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void readsFilesWithTheSameSizeCap(@TempDir Path dir) throws Exception {
    Path small = Files.write(dir.resolve("a.csv"), BODY);
    assertThat(((Fetched.Content) fetcher.fetch(Location.of(small.toString(), dir), settings(1000, 0, "1s"),
        Validators.none())).bytes()).isEqualTo(BODY);
    Path big = Files.write(dir.resolve("b.csv"), new byte[2000]);
    assertThatThrownBy(() -> fetcher.fetch(Location.of(big.toString(), dir), settings(1000, 0, "1s"), Validators.none()))
        .isInstanceOf(FetchException.class).hasMessageContaining("over the cap");
  }
}
