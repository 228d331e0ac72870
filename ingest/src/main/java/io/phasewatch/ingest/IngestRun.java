package io.phasewatch.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.collect.CollectException;
import io.phasewatch.ingest.collect.Collector;
import io.phasewatch.ingest.collect.Collectors;
import io.phasewatch.ingest.collect.Rejection;
import io.phasewatch.ingest.collect.RowBatch;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.feed.Location;
import io.phasewatch.ingest.fetch.FetchException;
import io.phasewatch.ingest.fetch.Fetched;
import io.phasewatch.ingest.fetch.SourceFetcher;
import io.phasewatch.ingest.fetch.Validators;
import io.phasewatch.ingest.metrics.IngestMetrics;
import io.phasewatch.ingest.publish.ChangeSet;
import io.phasewatch.ingest.publish.ContentHash;
import io.phasewatch.ingest.publish.Checkpoint;
import io.phasewatch.ingest.publish.Progress;
import io.phasewatch.ingest.publish.Publisher;
import io.phasewatch.ingest.publish.RunSummary;
import io.phasewatch.ingest.resolve.Collected;
import io.phasewatch.ingest.resolve.FamilyRules;
import io.phasewatch.ingest.resolve.RowResolver;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one feed: fetch its location, collect rows in its format, resolve them into
 * records, work out what changed since its checkpoint, publish that, and advance the checkpoint
 * only once everything is acknowledged. In a dry run it prints the records as JSON Lines instead
 * and leaves both Kafka and the checkpoint alone. With {@link #withMetrics metrics}, every run's
 * summary (or its failure) and its time are recorded there.
 */
public final class IngestRun {
  private static final Logger LOG = LoggerFactory.getLogger(IngestRun.class);

  private final Collectors collectors;
  private final RowResolver resolver;
  private final SourceFetcher fetcher;
  private final Checkpoint.Store checkpoints;
  private final Optional<Publisher> publisher;
  private final String target;
  private final Optional<PrintStream> dryRunOut;
  private final PrintStream err;
  private final Optional<IngestMetrics> metrics;

  /**
   * @param publisher empty for a dry run
   * @param target where the publisher sends (see {@code KafkaPublisher.targetOf}); checkpoints
   *     are kept per target
   * @param dryRunOut where a dry run prints its JSON Lines; empty when publishing
   * @param err where progress and dry-run rejections go
   */
  public IngestRun(Collectors collectors, RowResolver resolver, SourceFetcher fetcher,
                   Checkpoint.Store checkpoints, Optional<Publisher> publisher, String target,
                   Optional<PrintStream> dryRunOut, PrintStream err) {
    this(collectors, resolver, fetcher, checkpoints, publisher, target, dryRunOut, err, Optional.empty());
  }

  private IngestRun(Collectors collectors, RowResolver resolver, SourceFetcher fetcher,
                    Checkpoint.Store checkpoints, Optional<Publisher> publisher, String target,
                    Optional<PrintStream> dryRunOut, PrintStream err, Optional<IngestMetrics> metrics) {
    if (publisher.isEmpty() == dryRunOut.isEmpty()) {
      throw new IllegalArgumentException("either a publisher or a dry-run output, not both");
    }
    this.collectors = collectors;
    this.resolver = resolver;
    this.fetcher = fetcher;
    this.checkpoints = checkpoints;
    this.publisher = publisher;
    this.target = target;
    this.dryRunOut = dryRunOut;
    this.err = err;
    this.metrics = metrics;
  }

  /** This run, recording every feed run's outcome and time in {@code metrics}. */
  public IngestRun withMetrics(IngestMetrics metrics) {
    return new IngestRun(collectors, resolver, fetcher, checkpoints, publisher, target, dryRunOut, err,
        Optional.of(metrics));
  }

  /**
   * Runs {@code feed} once. A run that ends with a summary counts as ok, one that throws (other
   * than by interruption) as failed.
   */
  public RunSummary run(FeedConfig feed) throws IngestException, InterruptedException {
    long start = System.nanoTime();
    RunSummary summary;
    try {
      summary = runFeed(feed);
    } catch (IngestException | RuntimeException e) {
      metrics.ifPresent(m -> m.recordFailure(Duration.ofNanos(System.nanoTime() - start)));
      throw e;
    }
    metrics.ifPresent(m -> m.recordRun(summary, Duration.ofNanos(System.nanoTime() - start)));
    return summary;
  }

  private RunSummary runFeed(FeedConfig feed) throws IngestException, InterruptedException {
    boolean dryRun = publisher.isEmpty();
    Location location;
    try {
      location = Location.of(feed.location(), feed.baseDir());
    } catch (IllegalArgumentException e) {
      throw new IngestException("feed " + feed.id() + ": " + e.getMessage(), e);
    }
    Collector collector = collectors.forFormat(feed.format()).orElseThrow(() -> new IngestException(
        "feed " + feed.id() + ": unknown format '" + feed.format() + "' (known: " + collectors.formats() + ")"));
    Checkpoint previous = loadCheckpoint(feed);

    Fetched fetched;
    try {
      fetched = fetcher.fetch(location, feed.httpOrDefaults(), dryRun ? Validators.none() : previous.validators());
    } catch (FetchException e) {
      throw new IngestException("feed " + feed.id() + ": " + e.getMessage(), e);
    }
    if (fetched instanceof Fetched.NotModified) {
      long scores = previous.entries().keySet().stream().filter(k -> k.startsWith("score|")).count();
      long models = previous.entries().keySet().stream().filter(k -> k.startsWith("model|")).count();
      RunSummary s = new RunSummary(feed.id(), true, dryRun, new RunSummary.Counts(0, 0, scores, 0),
          new RunSummary.Counts(0, 0, models, 0), Map.of(), Map.of());
      LOG.info("{}", s.line());
      return s;
    }
    Fetched.Content content = (Fetched.Content) fetched;

    RowBatch batch;
    try {
      batch = collector.collect(feed, content);
    } catch (CollectException e) {
      throw new IngestException("feed " + feed.id() + " (" + location + "): " + e.getMessage(), e);
    }
    Collected collected = resolver.resolve(feed, feedRules(feed), batch, content.fetchedAt(),
        location.isFile() ? Optional.empty() : Optional.of(location.toString()));
    ChangeSet changes = ChangeSet.between(previous, collected, feed, content.fetchedAt(), location.toString(), dryRun);

    if (dryRun) {
      printJsonLines(collected, dryRunOut.get());
      for (Rejection r : collected.rejected()) {
        err.println("rejected " + feed.id() + " line " + r.line() + " (" + r.reason() + ", "
            + r.stage().id() + "): " + r.detail());
      }
      return changes.summary();
    }
    try (Progress progress = Progress.forTerminal(feed.id(), changes.messages().size(), err)) {
      publisher.get().publish(changes.messages(), progress);
    } catch (Publisher.PublishException e) {
      throw new IngestException("feed " + feed.id() + ": " + e.getMessage(), e);
    }
    try {
      checkpoints.save(new Checkpoint(Checkpoint.SCHEMA_VERSION, feed.id(), target,
          content.validators().etag(), content.validators().lastModified(), changes.nextEntries()));
    } catch (IOException e) {
      throw new IngestException("feed " + feed.id() + ": published, but the checkpoint could not be saved: "
          + e.getMessage(), e);
    }
    LOG.info("{}", changes.summary().line());
    return changes.summary();
  }

  private Checkpoint loadCheckpoint(FeedConfig feed) throws IngestException {
    try {
      return checkpoints.load(feed.id(), target);
    } catch (IOException e) {
      throw new IngestException("feed " + feed.id() + ": unreadable checkpoint "
          + checkpoints.file(feed.id()) + " (delete it to start over): " + e.getMessage(), e);
    }
  }

  private static FamilyRules feedRules(FeedConfig feed) throws IngestException {
    FamilyRules rules = FamilyRules.of(feed.familyRules(), "feed " + feed.id());
    if (feed.familyRulesFile().isPresent()) {
      try {
        rules = rules.then(FamilyRules.load(feed.baseDir().resolve(feed.familyRulesFile().get())));
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        throw new IngestException("feed " + feed.id() + ": family_rules_file: " + e.getMessage(), e);
      }
    }
    return rules;
  }

  /** Each record on one line with {@code "type": "model"} or {@code "type": "score"} first. */
  static void printJsonLines(Collected collected, PrintStream out) {
    ObjectMapper json = Json.mapper();
    for (ModelRecord m : collected.models()) {
      out.println(line(json, "model", m));
    }
    for (ScoreRecord s : collected.scores()) {
      out.println(line(json, "score", s));
    }
    out.flush();
  }

  private static String line(ObjectMapper json, String type, Object record) {
    ObjectNode node = json.createObjectNode().put("type", type);
    try {
      node.setAll((ObjectNode) json.readTree(ContentHash.bytes(record)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return node.toString();
  }
}
