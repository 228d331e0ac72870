package io.phasewatch.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.cli.bench.SyntheticLeaderboard;
import io.phasewatch.cli.bench.Workload;
import io.phasewatch.cli.fault.Fixture.Entry;
import io.phasewatch.cli.fault.Fixture.Outputs;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.Json;
import io.phasewatch.streams.topology.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill through the streams application running as a child JVM that is killed with SIGKILL
 * at random points and restarted each time: the final diagnosis topics equal those of an
 * uninterrupted run, and the alert router's webhook receives every alert id exactly once.
 */
@Tag("fault")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CrashRestartTest {
  private static final int KILLS = 4;
  private static final Duration BACKFILL_SPREAD = Duration.ofSeconds(30);

  @TempDir
  static Path dir;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startTemporary();
  }

  @AfterAll
  static void stopEverything() throws InterruptedException {
    ChildJvm.killAllThenClose(broker);
  }

  @Test
  void killedAndRestartedAppEndsWithTheUninterruptedDiagnosesAndDeliversEveryAlertOnce()
      throws Exception {
    SyntheticLeaderboard board = new SyntheticLeaderboard(new Workload(24, 6, 1, 16, 11));
    List<Entry> backfill = Fixture.leaderboard(board);
    Outputs expected = Fixture.uninterrupted(broker, List.of(backfill), 2, dir).get(0);
    assertThat(expected.families()).hasSize(24);
    assertThat(expected.panels()).containsOnlyKeys("base");
    assertThat(expected.cohorts()).containsOnlyKeys(SyntheticLeaderboard.cohortName(0));

    String servers = broker.bootstrapServers();
    String prefix = Fixture.uniquePrefix("crash");
    Topics topics = Fixture.createTopics(broker, prefix, 2);
    Path config = Fixture.writeConfig(dir.resolve(prefix + ".properties"),
        Fixture.settings(servers, prefix + "-app", prefix, dir.resolve(prefix + "-state")));
    Path logs = dir.resolve("logs");

    try (AlertDelivery delivery = new AlertDelivery(servers, prefix)) {
      AtomicReference<Throwable> publishFailure = new AtomicReference<>();
      Thread publisher = new Thread(() -> {
        try {
          Fixture.publish(servers, topics, backfill, BACKFILL_SPREAD);
        } catch (Throwable t) {
          publishFailure.set(t);
        }
      }, "backfill");
      ChildJvm app = ChildJvm.streamsApp(prefix + "-0", config, logs);
      publisher.start();
      Random random = new Random(20261127L);
      List<Long> killedPids = new ArrayList<>();
      int killsDuringBackfill = 0;
      for (int k = 1; k <= KILLS; k++) {
        app.awaitLog("-> RUNNING", 1, Duration.ofSeconds(90));
        Thread.sleep(500 + random.nextInt(3000));
        killsDuringBackfill += publisher.isAlive() ? 1 : 0;
        app.kill();
        assertThat(app.isAlive()).as("SIGKILLed instance %d", k).isFalse();
        killedPids.add(app.pid());
        app = ChildJvm.streamsApp(prefix + "-" + k, config, logs);
      }
      publisher.join(TimeUnit.MINUTES.toMillis(2));
      assertThat(publishFailure.get()).isNull();
      assertThat(killedPids).hasSize(KILLS).doesNotHaveDuplicates();
      assertThat(killsDuringBackfill).as("kills while the backfill was being published")
          .isGreaterThanOrEqualTo(2);

      Outputs actual = Fixture.awaitOutputs(servers, topics, expected::equals,
          Duration.ofSeconds(120));
      assertThat(actual.families()).isEqualTo(expected.families());
      assertThat(actual.panels()).isEqualTo(expected.panels());
      assertThat(actual.cohorts()).isEqualTo(expected.cohorts());
      assertThat(app.isAlive()).as("the last instance runs on:\n%s", app.tail()).isTrue();

      Set<String> alertIds = new HashSet<>();
      for (ConsumerRecord<String, byte[]> r :
          Fixture.readAll(servers, List.of(topics.alerts().name()))) {
        alertIds.add(Json.mapper().readValue(r.value(), AlertEvent.class).id());
      }
      assertThat(alertIds).as("the backfill fires alerts").isNotEmpty();
      delivery.awaitDelivered(alertIds, Duration.ofSeconds(60));
      assertThat(delivery.received()).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(alertIds);
      assertThat(delivery.routerRunning()).isTrue();
    }
  }
}
