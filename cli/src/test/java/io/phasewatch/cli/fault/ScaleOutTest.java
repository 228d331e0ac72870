package io.phasewatch.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.broker.EmbeddedKafkaBroker;
import io.phasewatch.cli.bench.SyntheticLeaderboard;
import io.phasewatch.cli.bench.Workload;
import io.phasewatch.cli.fault.Fixture.Entry;
import io.phasewatch.cli.fault.Fixture.Outputs;
import io.phasewatch.core.catalogue.BenchmarkIds;
import io.phasewatch.core.domain.Json;
import io.phasewatch.streams.topology.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the streams application (child JVMs, one application id) on input topics of
 * four partitions: each owns part of the families, together they produce the diagnoses of one
 * instance; when one stops, the other takes its partitions over with their state restored from
 * the changelogs, and corrections to every family then give the single instance's result.
 */
@Tag("fault")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ScaleOutTest {
  private static final int PARTITIONS = 4;
  private static final int FAMILIES = 24;

  @TempDir
  static Path dir;
  private static EmbeddedKafkaBroker broker;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startTemporary();
  }

  @AfterAll
  static void stopEverything() throws InterruptedException {
    ChildJvm.killAllThenClose(broker);
  }

  @Test
  void twoInstancesShareTheFamiliesAndOneTakesOverTheOthersWithItsState() throws Exception {
    SyntheticLeaderboard board =
        new SyntheticLeaderboard(new Workload(FAMILIES, 6, 1, 16, 13));
    List<Entry> backfill = Fixture.leaderboard(board);
    List<Entry> corrections = corrections(board);
    List<Outputs> expected = Fixture.uninterrupted(broker, List.of(backfill, corrections),
        PARTITIONS, dir);
    assertThat(expected.get(1).families()).isNotEqualTo(expected.get(0).families());

    String servers = broker.bootstrapServers();
    String prefix = Fixture.uniquePrefix("scale");
    Topics topics = Fixture.createTopics(broker, prefix, PARTITIONS);
    String applicationId = prefix + "-app";
    Path logs = dir.resolve("logs");
    ChildJvm a = ChildJvm.streamsApp(prefix + "-a", Fixture.writeConfig(dir.resolve("a.properties"),
        Fixture.settings(servers, applicationId, prefix, dir.resolve("state-a"))), logs);
    ChildJvm b = ChildJvm.streamsApp(prefix + "-b", Fixture.writeConfig(dir.resolve("b.properties"),
        Fixture.settings(servers, applicationId, prefix, dir.resolve("state-b"))), logs);
    a.awaitLog("-> RUNNING", 1, Duration.ofSeconds(90));
    b.awaitLog("-> RUNNING", 1, Duration.ofSeconds(90));
    int portA = a.apiPort(Duration.ofSeconds(10));
    int portB = b.apiPort(Duration.ofSeconds(10));

    Fixture.publish(servers, topics, backfill, Duration.ZERO);
    Outputs together = Fixture.awaitOutputs(servers, topics, expected.get(0)::equals,
        Duration.ofSeconds(120));
    assertThat(together).isEqualTo(expected.get(0));

    Set<String> ownedByA = familiesServedBy(portA);
    Set<String> ownedByB = familiesServedBy(portB);
    assertThat(ownedByA).as("families of instance a").isNotEmpty();
    assertThat(ownedByB).as("families of instance b").isNotEmpty();
    assertThat(ownedByA).doesNotContainAnyElementsOf(ownedByB);
    Set<String> all = new TreeSet<>(ownedByA);
    all.addAll(ownedByB);
    assertThat(all).isEqualTo(expected.get(0).families().keySet());

    int runningBefore = b.count("-> RUNNING");
    a.stop();
    b.awaitLog("-> RUNNING", runningBefore + 1, Duration.ofSeconds(90));
    Fixture.publish(servers, topics, corrections, Duration.ZERO);
    Outputs alone = Fixture.awaitOutputs(servers, topics, expected.get(1)::equals,
        Duration.ofSeconds(120));
    assertThat(alone).isEqualTo(expected.get(1));
    assertThat(familiesServedBy(portB)).as("b serves every family after the handover")
        .isEqualTo(expected.get(1).families().keySet());
    assertThat(b.isAlive()).isTrue();
  }

  /** A new TruthfulQA value for the largest model of every family. */
  private static List<Entry> corrections(SyntheticLeaderboard board) {
    int largest = board.workload().sizes() - 1;
    return IntStream.range(0, FAMILIES).mapToObj(f -> Entry.of(board.score(
        SyntheticLeaderboard.baseModelId(f, largest), BenchmarkIds.TRUTHFULQA,
        board.baseValue(f, largest, BenchmarkIds.TRUTHFULQA) + 1.5, 0))).toList();
  }

  /** The families whose diagnosis this instance's own stores hold (503 while rebalancing). */
  private Set<String> familiesServedBy(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/families")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        Set<String> out = new TreeSet<>();
        for (JsonNode d : Json.mapper().readTree(r.body())) {
          out.add(d.get("family").asText());
        }
        return out;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the API on port " + port + " answered " + r.statusCode());
      }
      Thread.sleep(500);
    }
  }
}
