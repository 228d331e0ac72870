package io.phasewatch.ingest.collect;

import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.fetch.Fetched;

/**
 * Reads one source format. Given a feed and the bytes read from its location, a collector
 * yields the rows it understood and the rows it rejected (with a reason); a bad row never stops
 * it. Turning rows into {@code ScoreRecord}s and {@code ModelRecord}s (canonical id, family,
 * parameters, duplicates) is shared by all formats and happens after it, in
 * {@code io.phasewatch.ingest.resolve.RowResolver}.
 *
 * <p>A new format is one small class implementing this interface, registered in
 * {@link Collectors} (or through {@link java.util.ServiceLoader}).
 */
public interface Collector {

  /** The format name used in feed files ({@code format:}) and on the command line. */
  String format();

  /**
   * Reads the rows of one source.
   *
   * @throws CollectException when the source as a whole is unusable (not this format, a
   *     required column missing): no row could be trusted
   */
  RowBatch collect(FeedConfig feed, Fetched.Content content) throws CollectException;
}
