package io.phasewatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.collect.RejectReason;
import io.phasewatch.ingest.collect.Rejection;
import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.resolve.Collected;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeSetTest {
  private static final Instant T1 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-02T00:00:00Z");

  private static FeedConfig feed(boolean authoritative) {
    FeedConfig f = FeedConfig.inline("f", "jsonl", "x.jsonl", Optional.empty(), Path.of("/tmp"));
    return new FeedConfig(f.id(), f.format(), f.location(), Optional.empty(), Optional.empty(), 7, authoritative,
        List.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(), Optional.empty(),
        List.of(), Optional.empty(), Optional.empty(), Optional.empty(), f.baseDir());
  }

  private static ScoreRecord score(String model, double value, Instant fetched) {
    ScoreRecord s = ScoreRecord.of("f", model, "hellaswag", value, Scale.PERCENT);
    return new ScoreRecord(s.schemaVersion(), s.source(), s.modelId(), s.benchmark(), s.value(), s.scale(),
        s.metric(), s.nShot(), s.evaluatedAt(), Optional.of(fetched), s.sourceUrl(), s.revision());
  }

  private static ModelRecord model(String id) {
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, id, "Fam", java.util.OptionalDouble.of(1.0),
        java.util.OptionalInt.empty(), null, Optional.empty(), Optional.empty(), List.of(),
        java.util.Map.of("family", "test", "params_b", "test"));
  }

  private static Checkpoint after(ChangeSet c) {
    return new Checkpoint(1, "f", "t", Optional.empty(), Optional.empty(), c.nextEntries());
  }

  @Test
  void firstRunPublishesEverythingAsNewAndASecondRunNothing() {
    Collected now = new Collected(List.of(score("a", 50, T1), score("b", 60, T1)), List.of(model("a"), model("b")), List.of());
    ChangeSet first = ChangeSet.between(Checkpoint.empty("f", "t"), now, feed(true), T1, "file:/x", false);
    assertThat(first.messages()).extracting(Outgoing::destination, Outgoing::key, Outgoing::change).containsExactly(
        tuple(Outgoing.Destination.MODELS, "a", Outgoing.Change.NEW),
        tuple(Outgoing.Destination.MODELS, "b", Outgoing.Change.NEW),
        tuple(Outgoing.Destination.SCORES, "f|a|hellaswag", Outgoing.Change.NEW),
        tuple(Outgoing.Destination.SCORES, "f|b|hellaswag", Outgoing.Change.NEW));
    assertThat(first.messages().get(2).headers())
        .containsEntry("source", "f").containsEntry("fetched-at", T1.toString())
        .containsEntry("source-url", "file:/x").containsEntry("priority", "7");
    assertThat(first.summary().published()).isEqualTo(4);

    // the same values read a day later: fetched_at differs, content does not
    Collected again = new Collected(List.of(score("a", 50, T2), score("b", 60, T2)), List.of(model("b"), model("a")), List.of());
    ChangeSet second = ChangeSet.between(after(first), again, feed(true), T2, "file:/x", false);
    assertThat(second.messages()).isEmpty();
    assertThat(second.summary().unchanged()).isEqualTo(4);
  }

  @Test
  void aChangedValueIsOneCorrectionAndAVanishedScoreOfAnAuthoritativeFeedOneTombstone() {
    Collected now = new Collected(List.of(score("a", 50, T1), score("b", 60, T1)), List.of(model("a"), model("b")), List.of());
    Checkpoint cp = after(ChangeSet.between(Checkpoint.empty("f", "t"), now, feed(true), T1, "file:/x", false));

    Collected corrected = new Collected(List.of(score("a", 51, T2), score("b", 60, T2)), List.of(model("a"), model("b")), List.of());
    ChangeSet c = ChangeSet.between(cp, corrected, feed(true), T2, "file:/x", false);
    assertThat(c.messages()).extracting(Outgoing::key, Outgoing::change)
        .containsExactly(tuple("f|a|hellaswag", Outgoing.Change.CORRECTED));
    assertThat(c.summary().corrected()).isEqualTo(1);

    Collected vanished = new Collected(List.of(score("a", 50, T2)), List.of(model("a")), List.of());
    ChangeSet v = ChangeSet.between(cp, vanished, feed(true), T2, "file:/x", false);
    assertThat(v.messages()).singleElement().satisfies(m -> {
      assertThat(m.key()).isEqualTo("f|b|hellaswag");
      assertThat(m.value()).isEmpty();
      assertThat(m.change()).isEqualTo(Outgoing.Change.RETRACTED);
    });
    assertThat(v.nextEntries()).doesNotContainKeys("score|f|b|hellaswag", "model|b");

    ChangeSet partial = ChangeSet.between(cp, vanished, feed(false), T2, "file:/x", false);
    assertThat(partial.messages()).as("a non-authoritative feed retracts nothing").isEmpty();
    assertThat(partial.nextEntries()).containsKeys("score|f|b|hellaswag", "model|b");
  }

  @Test
  void aRejectionIsSentOnceWithItsHeadersButCountedEveryRun() {
    Rejection r = Rejection.parse(RejectReason.NOT_A_NUMBER, 3, "f", "acme,x", "hellaswag is not a number: 'x'");
    Collected now = new Collected(List.of(), List.of(), List.of(r));
    ChangeSet first = ChangeSet.between(Checkpoint.empty("f", "t"), now, feed(true), T1, "file:/x", false);
    assertThat(first.messages()).singleElement().satisfies(m -> {
      assertThat(m.destination()).isEqualTo(Outgoing.Destination.REJECTED);
      assertThat(m.key()).isEqualTo("f|3");
      assertThat(new String(m.value().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("acme,x");
      assertThat(m.headers()).containsEntry("reason", "not_a_number").containsEntry("stage", "parse")
          .containsEntry("source", "f").containsEntry("feed", "file:/x").containsEntry("line", "3");
    });
    assertThat(first.summary().rejectionsSentByReason()).containsOnly(java.util.Map.entry("not_a_number", 1L));
    ChangeSet second = ChangeSet.between(after(first), now, feed(true), T2, "file:/x", false);
    assertThat(second.messages()).isEmpty();
    assertThat(second.summary().rejectedByReason()).containsEntry("not_a_number", 1L);
    assertThat(second.summary().rejectionsSentByReason()).isEmpty();
  }
}
