package io.phasewatch.streams.topology;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** An executor that runs what it was given only when the test says so: background, made exact. */
final class ManualExecutor extends AbstractExecutorService {
  private final Queue<Runnable> queued = new ArrayDeque<>();
  private boolean shutdown;

  @Override
  public void execute(Runnable command) {
    queued.add(command);
  }

  int queued() {
    return queued.size();
  }

  /** Runs every queued job, in order of submission. */
  void runAll() {
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = List.copyOf(queued);
    queued.clear();
    return left;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown && queued.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }
}
