package io.phasewatch.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.cli.bench.SyntheticLeaderboard;
import io.phasewatch.cli.bench.Workload;
import io.phasewatch.cli.fault.Fixture.Entry;
import io.phasewatch.cli.fault.Fixture.Outputs;
import io.phasewatch.streams.topology.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stopped and started again on the same log directory while the streams application
 * (a child JVM) is in the middle of a backfill: processing resumes and the final diagnoses equal
 * those of an uninterrupted run.
 */
@Tag("fault")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BrokerRestartTest {
  @TempDir
  static Path dir;
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
  }

  @AfterAll
  static void stopEverything() throws InterruptedException {
    ChildJvm.killAllThenClose(broker);
  }

  @Test
  void processingResumesAfterABrokerRestartWithTheSameResult() throws Exception {
    SyntheticLeaderboard board = new SyntheticLeaderboard(new Workload(24, 6, 1, 16, 12));
    List<Entry> backfill = Fixture.leaderboard(board);
    Outputs expected = Fixture.uninterrupted(broker, List.of(backfill), 2, dir).get(0);

    String servers = broker.bootstrapServers();
    String prefix = Fixture.uniquePrefix("restart");
    Topics topics = Fixture.createTopics(broker, prefix, 2);
    Path config = Fixture.writeConfig(dir.resolve(prefix + ".properties"),
        Fixture.settings(servers, prefix + "-app", prefix, dir.resolve(prefix + "-state")));
    ChildJvm app = ChildJvm.streamsApp(prefix, config, dir.resolve("logs"));
    app.awaitLog("-> RUNNING", 1, Duration.ofSeconds(90));

    AtomicReference<Throwable> publishFailure = new AtomicReference<>();
    Thread publisher = new Thread(() -> {
      try {
        Fixture.publish(servers, topics, backfill, Duration.ofSeconds(16));
      } catch (Throwable t) {
        publishFailure.set(t);
      }
    }, "backfill");
    publisher.start();
    Thread.sleep(5_000);
    broker.stop();
    assertThat(publisher.isAlive()).as("the backfill is still being published").isTrue();
    Thread.sleep(5_000);
    broker.start();
    assertThat(broker.bootstrapServers()).isEqualTo(servers);

    publisher.join(TimeUnit.MINUTES.toMillis(2));
    assertThat(publishFailure.get()).isNull();
    Outputs actual = Fixture.awaitOutputs(servers, topics, expected::equals,
        Duration.ofSeconds(120));
    assertThat(actual.families()).isEqualTo(expected.families());
    assertThat(actual.panels()).isEqualTo(expected.panels());
    assertThat(actual.cohorts()).isEqualTo(expected.cohorts());
    assertThat(app.isAlive()).as("the application survives the restart:\n%s", app.tail())
        .isTrue();
  }
}
