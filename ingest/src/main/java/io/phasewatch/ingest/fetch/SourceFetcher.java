package io.phasewatch.ingest.fetch;

import io.phasewatch.ingest.feed.HttpSettings;
import io.phasewatch.ingest.feed.Location;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a feed's bytes from a file or over HTTP(S).
 *
 * <p>HTTP: connect timeout, a timeout on the whole response, a size cap enforced while the body
 * streams in, a conditional GET with the previous read's ETag / Last-Modified (a 304 is
 * {@link Fetched.NotModified}), and retries with doubling backoff on connection errors,
 * timeouts, 429 and 5xx. Other statuses fail at once. Redirects are followed, except from
 * https to http.
 */
public final class SourceFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(SourceFetcher.class);
  private static final String USER_AGENT = "phasewatch-ingest";

  private final Clock clock;

  public SourceFetcher(Clock clock) {
    this.clock = clock;
  }

  public SourceFetcher() {
    this(Clock.systemUTC());
  }

  /**
   * Reads {@code location}.
   *
   * @param previous validators of the last successful read; none for an unconditional read
   */
  public Fetched fetch(Location location, HttpSettings settings, Validators previous)
      throws FetchException, InterruptedException {
    return location.isFile() ? readFile(location, settings) : fetchHttp(location, settings, previous);
  }

  private Fetched readFile(Location location, HttpSettings settings) throws FetchException {
    try {
      long size = Files.size(location.path());
      if (size > settings.maxBytesOrDefault()) {
        throw new FetchException(location + " is " + size + " bytes, over the cap of "
            + settings.maxBytesOrDefault());
      }
      return new Fetched.Content(Files.readAllBytes(location.path()), clock.instant(), Validators.none());
    } catch (IOException e) {
      throw new FetchException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  private Fetched fetchHttp(Location location, HttpSettings settings, Validators previous)
      throws FetchException, InterruptedException {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeoutDuration())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    HttpRequest.Builder request = HttpRequest.newBuilder(location.uri())
        .timeout(settings.readTimeoutDuration())
        .header("User-Agent", USER_AGENT)
        .GET();
    previous.etag().ifPresent(e -> request.header("If-None-Match", e));
    previous.lastModified().ifPresent(m -> request.header("If-Modified-Since", m));
    HttpRequest built = request.build();

    int attempts = 1 + Math.max(0, settings.retriesOrDefault());
    Duration wait = settings.backoffDuration();
    String lastProblem = "";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<byte[]> response = send(client, built, settings);
        int status = response.statusCode();
        if (status == 304) {
          return new Fetched.NotModified(clock.instant());
        }
        if (status >= 200 && status < 300) {
          return new Fetched.Content(response.body(), clock.instant(), validatorsOf(response.headers()));
        }
        lastProblem = "HTTP " + status;
        if (status != 429 && status < 500) {
          throw new FetchException(location + " answered " + lastProblem);
        }
      } catch (IOException | TimeoutException e) {
        lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (SizeCapExceeded e) {
        throw new FetchException(location + ": " + e.getMessage(), e);
      }
      if (attempt < attempts) {
        LOG.warn("Reading {} failed ({}), attempt {} of {}; retrying in {} ms",
            location, lastProblem, attempt, attempts, wait.toMillis());
        Thread.sleep(wait.toMillis());
        wait = wait.multipliedBy(2);
      }
    }
    throw new FetchException("cannot read " + location + " after " + attempts + " attempts: " + lastProblem);
  }

  private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, HttpSettings settings)
      throws IOException, TimeoutException, InterruptedException, SizeCapExceeded {
    long cap = settings.maxBytesOrDefault();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> new CappedBody(cap));
    try {
      // the request timeout covers the headers; this one covers the body as well
      return future.get(settings.readTimeoutDuration().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SizeCapExceeded s) {
        throw s;
      }
      if (cause instanceof IOException io) {
        if (io.getCause() instanceof SizeCapExceeded s) {
          throw s;
        }
        throw io;
      }
      throw new IOException(cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    }
  }

  private static Validators validatorsOf(HttpHeaders headers) {
    return new Validators(headers.firstValue("ETag"), headers.firstValue("Last-Modified"));
  }

  /** The body grew past the configured cap. */
  static final class SizeCapExceeded extends Exception {
    SizeCapExceeded(long cap) {
      super("response body over the cap of " + cap + " bytes");
    }
  }

  /** Collects a body, giving up (and cancelling the stream) once it passes the cap. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long cap;
    private final List<ByteBuffer> parts = new ArrayList<>();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long size;

    CappedBody(long cap) {
      this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        size += b.remaining();
        parts.add(b);
      }
      if (size > cap && !result.isDone()) {
        subscription.cancel();
        result.completeExceptionally(new SizeCapExceeded(cap));
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      byte[] all = new byte[(int) size];
      int at = 0;
      for (ByteBuffer b : parts) {
        int n = b.remaining();
        b.get(all, at, n);
        at += n;
      }
      result.complete(all);
    }
  }
}
