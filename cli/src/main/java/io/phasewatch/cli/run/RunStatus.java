package io.phasewatch.cli.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code GET /api/status} of {@code phasewatch run} (snake_case JSON).
 *
 * @param phase {@code starting}, {@code replaying} (publishing the bundled snapshot),
 *     {@code processing} (published, not yet processed), {@code live} (the history is in; new
 *     scores come from live feeds) or {@code stopping}
 * @param replayDone true once the bundled history has been ingested and processed (see {@link
 *     Processing})
 */
public record RunStatus(
    String phase,
    boolean replayDone,
    Replay replay,
    Processing processing,
    List<String> liveFeeds,
    Instant startedAt) {

  public static final String STARTING = "starting";
  public static final String REPLAYING = "replaying";
  public static final String PROCESSING = "processing";
  public static final String LIVE = "live";
  public static final String STOPPING = "stopping";

  public RunStatus {
    liveFeeds = List.copyOf(liveFeeds);
  }

  /**
   * The bundled replay.
   *
   * @param records records the replay publishes (0 when an earlier run with the same state
   *     directory published them all)
   * @param reached the history date published so far
   * @param speedDaysPerSecond days of history per second (0: no pacing)
   * @param doneAt when the replay was ingested and processed
   * @param seconds from the start of the run to {@code doneAt}
   */
  public record Replay(
      List<String> feeds,
      long records,
      long published,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      Optional<LocalDate> reached,
      double speedDaysPerSecond,
      Optional<Instant> doneAt,
      OptionalDouble seconds) {
    public Replay {
      feeds = List.copyOf(feeds);
    }
  }

  /**
   * What is not processed yet, as last checked. "Processed" is: every partition the streams app
   * reads (the input topics and its repartition topics) has the app's committed offset at its
   * end, no panel or cohort waits for its debounced recomputation, and the alert router has
   * committed every alert; all of it holding on two checks a second apart (longer than the
   * exactly-once commit interval, so no transaction was open in between).
   *
   * @param unprocessedRecords records the streams app has not committed past
   * @param pendingRecomputations panels and cohorts whose diagnosis waits for recomputation
   * @param undeliveredAlerts alerts the router has not committed past
   */
  public record Processing(
      OptionalLong unprocessedRecords,
      OptionalLong pendingRecomputations,
      OptionalLong undeliveredAlerts,
      Optional<Instant> checkedAt) {
    public static final Processing UNKNOWN = new Processing(OptionalLong.empty(),
        OptionalLong.empty(), OptionalLong.empty(), Optional.empty());

    /** Whether everything counted is zero. */
    public boolean idle() {
      return unprocessedRecords.orElse(-1) == 0 && pendingRecomputations.orElse(-1) == 0
          && undeliveredAlerts.orElse(-1) == 0;
    }
  }
}
