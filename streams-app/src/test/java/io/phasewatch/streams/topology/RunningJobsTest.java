package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Collecting finished jobs never waits for a running one, and hands each its own result. */
class RunningJobsTest {
  private static String key(int i) {
    return String.format("family-%02d", i);
  }

  @Test
  void takeFinishedReturnsExactlyTheFinishedJobsWithTheirOwnResultsWithoutWaiting() {
    ManualExecutor executor = new ManualExecutor();
    RunningJobs<Integer, String> jobs = new RunningJobs<>(Computations.on(executor));
    // every third job has finished, the others have not started: in a TreeMap of 40 keys the
    // finished ones include inner nodes with two children, whose removal reuses the node for
    // the successor (a running job)
    List<Integer> finished = IntStream.range(0, 40).filter(i -> i % 3 == 0).boxed().toList();
    finished.forEach(i -> jobs.submit(key(i), i, () -> "result of " + key(i)));
    executor.runAll();
    IntStream.range(0, 40).filter(i -> i % 3 != 0)
        .forEach(i -> jobs.submit(key(i), i, () -> "result of " + key(i)));

    List<RunningJobs.Done<Integer, String>> done =
        assertTimeoutPreemptively(Duration.ofSeconds(5), jobs::takeFinished);

    assertThat(done).extracting(RunningJobs.Done::input).containsExactlyElementsOf(finished);
    assertThat(done).allSatisfy(d -> {
      assertThat(d.key()).isEqualTo(key(d.input()));
      assertThat(d.result()).isEqualTo("result of " + d.key());
    });
    IntStream.range(0, 40).forEach(i ->
        assertThat(jobs.isRunning(key(i))).as(key(i)).isEqualTo(i % 3 != 0));
    assertThat(executor.queued()).isEqualTo(40 - finished.size());
  }
}
