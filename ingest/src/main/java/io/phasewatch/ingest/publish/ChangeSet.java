package io.phasewatch.ingest.publish;

import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.collect.Rejection;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.resolve.Collected;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one run must send, given what the feed's checkpoint says was sent before: new and changed
 * records, tombstones for scores that vanished from an authoritative feed, and rejections not
 * sent before; plus the checkpoint to keep once they are delivered, and the run's counts.
 *
 * <p>Model records are keyed {@code feed|model_id} (each feed keeps its own description of a
 * model) and are not retracted: a record without scores is not analysed, and the model's
 * scores, which are retracted, are what an analysis reads.
 */
public record ChangeSet(List<Outgoing> messages, Map<String, String> nextEntries, RunSummary summary) {

  static final String SCORE = "score|";
  static final String MODEL = "model|";
  static final String REJECTED = "rejected|";

  /**
   * @param location the feed's location as read, for the {@code source-url} and {@code feed}
   *     headers
   */
  public static ChangeSet between(Checkpoint previous, Collected now, FeedConfig feed, Instant fetchedAt,
                                  String location, boolean dryRun) {
    Map<String, String> before = previous.entries();
    Map<String, String> next = new TreeMap<>();
    List<Outgoing> models = new ArrayList<>();
    List<Outgoing> scores = new ArrayList<>();
    List<Outgoing> rejected = new ArrayList<>();
    long[] m = new long[3];
    long[] s = new long[4];

    Map<String, String> common = new LinkedHashMap<>();
    common.put("source", feed.id());
    common.put("fetched-at", fetchedAt.toString());
    common.put("source-url", location);
    common.put("priority", Integer.toString(feed.priority()));

    for (ModelRecord model : now.models()) {
      String entry = MODEL + model.key();
      String hash = ContentHash.of(model);
      next.put(entry, hash);
      Optional<Outgoing.Change> change = change(before.get(entry), hash);
      if (change.isEmpty()) {
        m[2]++;
        continue;
      }
      m[change.get() == Outgoing.Change.NEW ? 0 : 1]++;
      models.add(new Outgoing(Outgoing.Destination.MODELS, model.key(),
          Optional.of(ContentHash.bytes(model)), common, change.get()));
    }
    for (ScoreRecord score : now.scores()) {
      String entry = SCORE + score.key();
      String hash = ContentHash.of(score);
      next.put(entry, hash);
      Optional<Outgoing.Change> change = change(before.get(entry), hash);
      if (change.isEmpty()) {
        s[2]++;
        continue;
      }
      s[change.get() == Outgoing.Change.NEW ? 0 : 1]++;
      Map<String, String> headers = new LinkedHashMap<>(common);
      score.sourceUrl().ifPresent(u -> headers.put("source-url", u));
      scores.add(new Outgoing(Outgoing.Destination.SCORES, score.key(),
          Optional.of(ContentHash.bytes(score)), headers, change.get()));
    }
    for (Map.Entry<String, String> old : before.entrySet()) {
      String entry = old.getKey();
      if (next.containsKey(entry) || entry.startsWith(REJECTED)) {
        continue;
      }
      if (entry.startsWith(SCORE) && feed.authoritative()) {
        s[3]++;
        scores.add(new Outgoing(Outgoing.Destination.SCORES, entry.substring(SCORE.length()),
            Optional.empty(), common, Outgoing.Change.RETRACTED));
      } else if (!feed.authoritative()) {
        next.put(entry, old.getValue());
      }
    }

    Map<String, Long> byReason = new HashMap<>();
    Map<String, Long> sentByReason = new HashMap<>();
    for (Rejection r : now.rejected()) {
      byReason.merge(r.reason(), 1L, Long::sum);
      String entry = REJECTED + r.key() + "|" + r.reason();
      String hash = ContentHash.ofText(r.original() + "\n" + r.detail());
      next.put(entry, hash);
      if (hash.equals(before.get(entry))) {
        continue;
      }
      sentByReason.merge(r.reason(), 1L, Long::sum);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("reason", r.reason());
      headers.put("stage", r.stage().id());
      headers.put("source", feed.id());
      headers.put("feed", location);
      headers.put("line", Long.toString(r.line()));
      headers.put("detail", r.detail());
      headers.put("fetched-at", fetchedAt.toString());
      rejected.add(new Outgoing(Outgoing.Destination.REJECTED, r.key(),
          Optional.of(r.original().getBytes(StandardCharsets.UTF_8)), headers, Outgoing.Change.REJECTED));
    }

    List<Outgoing> all = new ArrayList<>(models);
    all.addAll(scores);
    all.addAll(rejected);
    RunSummary summary = new RunSummary(feed.id(), false, dryRun,
        new RunSummary.Counts(s[0], s[1], s[2], s[3]), new RunSummary.Counts(m[0], m[1], m[2], 0), byReason,
        sentByReason);
    return new ChangeSet(all, next, summary);
  }

  private static Optional<Outgoing.Change> change(String previousHash, String hash) {
    if (previousHash == null) {
      return Optional.of(Outgoing.Change.NEW);
    }
    return previousHash.equals(hash) ? Optional.empty() : Optional.of(Outgoing.Change.CORRECTED);
  }
}
