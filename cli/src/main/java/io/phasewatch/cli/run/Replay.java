package io.phasewatch.cli.run;

import io.phasewatch.ingest.IngestException;
import io.phasewatch.ingest.IngestRun;
import io.phasewatch.ingest.collect.Collectors;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.fetch.SourceFetcher;
import io.phasewatch.ingest.publish.Checkpoint;
import io.phasewatch.ingest.publish.Outgoing;
import io.phasewatch.ingest.publish.Progress;
import io.phasewatch.ingest.publish.Publisher;
import io.phasewatch.ingest.publish.RunSummary;
import io.phasewatch.ingest.resolve.RowResolver;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundled snapshot through the ingest code, in date order. Each feed runs through {@link
 * IngestRun} as {@code phasewatch ingest} would, against checkpoints in a staging directory and
 * with a publisher that only collects; the collected messages are then sent in the order of
 * {@link ReplayPlan}, {@code speed} days of history per second. Each step is stamped with its own
 * instant (when it is sent, strictly increasing), and {@link ReplayProgress} keeps which history
 * date each stamp stands for: an alert's event time then names the step that caused it. Only
 * once every message is acknowledged are the staged checkpoints promoted: a run stopped halfway
 * replays the whole snapshot next time (re-publishing a score changes nothing downstream), and a
 * completed one finds nothing new.
 */
public final class Replay {
  private final List<FeedConfig> feeds;
  private final Path checkpoints;
  private final Path staging;
  private final String target;
  private final double speed;
  private final ReplayProgress progress;
  private final Clock clock;
  private final Sleeper sleeper;

  /** Sends one step's messages, stamped with {@code timestamp}, and waits for their acks. */
  @FunctionalInterface
  public interface Sender {
    void send(List<Outgoing> messages, Optional<Instant> timestamp)
        throws Publisher.PublishException;
  }

  /**
   * Waits until what was sent so far is processed, before the next step is sent: the replay never
   * runs ahead of the streams app, so the history date of each step is also what the app has
   * read when it is sent.
   */
  @FunctionalInterface
  public interface CatchUp {
    CatchUp NONE = previousStep -> { };

    /** @param previousStep records of the step sent last (0 before the first) */
    void await(long previousStep) throws InterruptedException;
  }

  /** Waits; tests replace it. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * @param checkpoints the ingest checkpoints of earlier runs
   * @param staging where this run's checkpoints wait until the replay is acknowledged
   * @param target the publisher's target (checkpoints are kept per target)
   * @param speed days of history per second; 0 or less sends everything at once
   */
  public Replay(List<FeedConfig> feeds, Path checkpoints, Path staging, String target,
      double speed, ReplayProgress progress) {
    this(feeds, checkpoints, staging, target, speed, progress, Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()));
  }

  Replay(List<FeedConfig> feeds, Path checkpoints, Path staging, String target, double speed,
      ReplayProgress progress, Clock clock, Sleeper sleeper) {
    this.feeds = List.copyOf(feeds);
    this.checkpoints = checkpoints;
    this.staging = staging;
    this.target = target;
    this.speed = speed;
    this.progress = progress;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** What the feeds would publish now, with each feed's summary line. */
  public record Prepared(List<ReplayPlan.Step> steps, List<RunSummary> summaries) {
    public long records() {
      return steps.stream().mapToLong(s -> s.messages().size()).sum();
    }

    public Optional<LocalDate> firstDate() {
      return steps.stream().flatMap(s -> s.date().stream()).findFirst();
    }

    public Optional<LocalDate> lastDate() {
      return steps.stream().flatMap(s -> s.date().stream()).reduce((a, b) -> b);
    }
  }

  /** Runs every feed against the staged checkpoints and plans what they publish. */
  public Prepared prepare() throws IngestException, InterruptedException {
    stageCheckpoints();
    Collecting collecting = new Collecting(target);
    IngestRun run = new IngestRun(Collectors.builtIn(), RowResolver.defaults(),
        new SourceFetcher(), new Checkpoint.Store(staging), Optional.of(collecting), target,
        Optional.empty(), new PrintStream(OutputStream.nullOutputStream()));
    List<RunSummary> summaries = new ArrayList<>();
    for (FeedConfig feed : feeds) {
      summaries.add(run.run(feed));
    }
    Prepared prepared = new Prepared(ReplayPlan.of(collecting.messages), summaries);
    progress.planned(prepared.records(), prepared.firstDate(), prepared.lastDate());
    return prepared;
  }

  /**
   * Sends the plan, paced, then promotes the staged checkpoints.
   *
   * @throws Publisher.PublishException when Kafka did not acknowledge a step (nothing promoted)
   */
  public void publish(Prepared prepared, Sender kafka)
      throws Publisher.PublishException, InterruptedException {
    publish(prepared, kafka, CatchUp.NONE);
  }

  /** As {@link #publish(Prepared, Sender)}, each step sent only once {@code catchUp} returns. */
  public void publish(Prepared prepared, Sender kafka, CatchUp catchUp)
      throws Publisher.PublishException, InterruptedException {
    Instant start = clock.instant();
    Optional<LocalDate> first = prepared.firstDate();
    Instant lastStamp = Instant.MIN;
    long previousStep = 0;
    for (ReplayPlan.Step step : prepared.steps()) {
      if (speed > 0 && step.date().isPresent() && first.isPresent()) {
        double days = ChronoUnit.DAYS.between(first.get(), step.date().get());
        Instant due = start.plusMillis(Math.round(days / speed * 1000));
        Duration wait = Duration.between(clock.instant(), due);
        if (!wait.isNegative() && !wait.isZero()) {
          sleeper.sleep(wait);
        }
      }
      catchUp.await(previousStep);
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("replay stopped");
      }
      Instant stamp = clock.instant();
      if (!stamp.isAfter(lastStamp)) {
        stamp = lastStamp.plusMillis(1);
      }
      lastStamp = stamp;
      progress.sent(step.date().or(() -> first), step.messages().size(), stamp);
      kafka.send(step.messages(), Optional.of(stamp));
      previousStep = step.messages().size();
    }
    promoteCheckpoints();
    progress.allSent(clock.instant());
  }

  private void stageCheckpoints() {
    try {
      StateDirectory.deleteRecursively(staging);
      Files.createDirectories(staging);
      Files.createDirectories(checkpoints);
      for (Path f : jsonFiles(checkpoints)) {
        Files.copy(f, staging.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the ingest checkpoints in " + staging, e);
    }
  }

  private void promoteCheckpoints() {
    try {
      for (Path f : jsonFiles(staging)) {
        Files.move(f, checkpoints.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      StateDirectory.deleteRecursively(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the ingest checkpoints in " + checkpoints, e);
    }
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** A publisher that keeps what it is given: the ingest run's messages, to be planned. */
  private static final class Collecting implements Publisher {
    private final String target;
    private final List<Outgoing> messages = new ArrayList<>();

    Collecting(String target) {
      this.target = target;
    }

    @Override
    public String target() {
      return target;
    }

    @Override
    public void publish(List<Outgoing> batch, Progress progress) {
      messages.addAll(batch);
    }

    @Override
    public void close() {}
  }
}
