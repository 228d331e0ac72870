package io.phasewatch.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phasewatch.ingest.publish.Outgoing;
import io.phasewatch.ingest.publish.Publisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
  @TempDir
  Path dir;

  /** A clock that moves only when the replay sleeps. */
  private static final class SteppedClock extends Clock {
    Instant now = Instant.parse("2026-11-01T12:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void sleep(Duration d) {
      sleeps.add(d);
      now = now.plus(d);
    }
  }

  private record Sent(List<String> keys, Optional<Instant> timestamp, Instant at) {}

  private static Outgoing message(String key) {
    return new Outgoing(Outgoing.Destination.SCORES, key, Optional.of(new byte[] {1}), Map.of(),
        Outgoing.Change.NEW);
  }

  private static ReplayPlan.Step step(String date, String... keys) {
    return new ReplayPlan.Step(Optional.ofNullable(date).map(LocalDate::parse),
        java.util.Arrays.stream(keys).map(ReplayTest::message).toList());
  }

  private Replay replay(SteppedClock clock, double speed, ReplayProgress progress) {
    return new Replay(List.of(), dir.resolve("checkpoints"), dir.resolve("staging"), "t", speed,
        progress, clock, clock::sleep);
  }

  @Test
  void stepsAreSentAtSpeedDaysPerSecondEachWithItsOwnStamp() throws Exception {
    SteppedClock clock = new SteppedClock();
    ReplayProgress progress = new ReplayProgress();
    Files.createDirectories(dir.resolve("staging"));
    Files.createDirectories(dir.resolve("checkpoints"));
    Files.writeString(dir.resolve("staging/feed.json"), "{}");
    List<Sent> sent = new ArrayList<>();
    Replay.Prepared prepared = new Replay.Prepared(List.of(step(null, "u"),
        step("2024-01-01", "a", "b"), step("2024-01-31", "c"), step("2024-03-01", "d")), List.of());
    progress.planned(prepared.records(), prepared.firstDate(), prepared.lastDate());

    replay(clock, 10, progress).publish(prepared,
        (ms, ts) -> sent.add(new Sent(ms.stream().map(Outgoing::key).toList(), ts, clock.now)));

    Instant start = Instant.parse("2026-11-01T12:00:00Z");
    assertThat(sent).containsExactly(
        new Sent(List.of("u"), Optional.of(start), start),
        // due at the same moment: one millisecond later, so that each step has its own stamp
        new Sent(List.of("a", "b"), Optional.of(start.plusMillis(1)), start),
        // 30 days at 10 days per second: 3 s later; 60 days: 6 s
        new Sent(List.of("c"), Optional.of(start.plusSeconds(3)), start.plusSeconds(3)),
        new Sent(List.of("d"), Optional.of(start.plusSeconds(6)), start.plusSeconds(6)));
    assertThat(progress.published()).isEqualTo(5);
    assertThat(progress.reached()).contains(LocalDate.parse("2024-03-01"));
    // an event stamped by a step is that step's date; a later wall-clock time, the last sent
    assertThat(progress.dateAt(start.plusMillis(1))).contains(LocalDate.parse("2024-01-01"));
    assertThat(progress.dateAt(start.plusMillis(4500))).contains(LocalDate.parse("2024-01-31"));
    assertThat(progress.dateAt(start.minusSeconds(1))).contains(LocalDate.parse("2024-01-01"));
    assertThat(progress.allPublishedAt()).contains(start.plusSeconds(6));
    // acknowledged: the staged checkpoints become the kept ones
    assertThat(dir.resolve("checkpoints/feed.json")).exists();
    assertThat(dir.resolve("staging")).doesNotExist();
  }

  @Test
  void speedZeroSendsEverythingAtOnce() throws Exception {
    SteppedClock clock = new SteppedClock();
    Files.createDirectories(dir.resolve("staging"));
    Files.createDirectories(dir.resolve("checkpoints"));
    replay(clock, 0, new ReplayProgress()).publish(new Replay.Prepared(
        List.of(step("2020-01-01", "a"), step("2026-01-01", "b")), List.of()), (ms, ts) -> { });
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void eachStepWaitsForTheAppToCatchUpWithThePreviousOne() throws Exception {
    SteppedClock clock = new SteppedClock();
    Files.createDirectories(dir.resolve("staging"));
    Files.createDirectories(dir.resolve("checkpoints"));
    List<String> events = new ArrayList<>();
    replay(clock, 0, new ReplayProgress()).publish(new Replay.Prepared(
            List.of(step("2024-01-01", "a", "b", "c"), step("2024-01-02", "d")), List.of()),
        (ms, ts) -> events.add("send " + ms.size()), previous -> events.add("wait " + previous));
    assertThat(events).containsExactly("wait 0", "send 3", "wait 3", "send 1");
  }

  @Test
  void aFailedStepKeepsTheOldCheckpointsSoTheNextRunReplaysEverything() throws Exception {
    SteppedClock clock = new SteppedClock();
    Files.createDirectories(dir.resolve("staging"));
    Files.createDirectories(dir.resolve("checkpoints"));
    Files.writeString(dir.resolve("staging/feed.json"), "{\"new\":true}");
    Files.writeString(dir.resolve("checkpoints/feed.json"), "{\"old\":true}");
    Replay.Prepared prepared = new Replay.Prepared(List.of(step("2024-01-01", "a"),
        step("2024-01-02", "b")), List.of());
    assertThatThrownBy(() -> replay(clock, 0, new ReplayProgress()).publish(prepared, (ms, ts) -> {
      if (ms.get(0).key().equals("b")) {
        throw new Publisher.PublishException("broker gone", new RuntimeException());
      }
    })).isInstanceOf(Publisher.PublishException.class);
    assertThat(Files.readString(dir.resolve("checkpoints/feed.json"))).isEqualTo("{\"old\":true}");
  }
}
