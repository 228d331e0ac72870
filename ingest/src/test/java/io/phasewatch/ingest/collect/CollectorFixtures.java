package io.phasewatch.ingest.collect;

import io.phasewatch.ingest.TestFiles;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.resolve.Collected;
import io.phasewatch.ingest.resolve.FamilyRules;
import io.phasewatch.ingest.resolve.RowResolver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs a collector and the resolver on a fixture, as a feed run would. */
final class CollectorFixtures {
  static final Instant FETCHED = Instant.parse("2026-11-01T00:00:00Z");

  private CollectorFixtures() {}

  static FeedConfig feed(String format, String fixture) {
    return FeedConfig.inline("test-feed", format, TestFiles.fixture(fixture).toString(), Optional.empty(),
        TestFiles.fixture(fixture).getParent());
  }

  static Collected collectAndResolve(Collector collector, FeedConfig feed, String fixture) throws CollectException {
    RowBatch batch = collector.collect(feed, TestFiles.content(fixture));
    return RowResolver.defaults().resolve(feed, FamilyRules.of(feed.familyRules(), "feed " + feed.id()),
        batch, FETCHED, Optional.empty());
  }

  static <T> T only(List<T> items) {
    if (items.size() != 1) {
      throw new AssertionError("expected one item, got " + items);
    }
    return items.get(0);
  }
}
