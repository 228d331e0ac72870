package io.phasewatch.streams.topology;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the debounced diagnoses run: a pooled panel's, a frontier cohort's, a family's bootstrap
 * N_c. Run inline they stall the stream thread inside its punctuation, and with it every task of
 * that thread: a pooled panel of thousands of models takes seconds (docs/PERFORMANCE.md). Run in
 * the background, the stream thread hands over a snapshot of the inputs and a pure function, and
 * picks up the result at a later punctuation ({@link RunningJobs}), publishing it in the
 * transaction of that punctuation. The functions are deterministic (seeded), so a result lost to
 * a crash or a rebalance is recomputed to the same value.
 */
public final class Computations implements AutoCloseable {
  private final ExecutorService executor;

  private Computations(ExecutorService executor) {
    this.executor = executor;
  }

  /** Computations run by {@link #submit}, on the calling (stream) thread: tests, small setups. */
  public static Computations inline() {
    return new Computations(null);
  }

  /** Computations on {@code threads} daemon threads, or inline when {@code threads} is 0. */
  public static Computations background(int threads) {
    if (threads == 0) {
      return inline();
    }
    AtomicInteger n = new AtomicInteger();
    return new Computations(Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "phasewatch-diagnosis-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }));
  }

  /** Computations on {@code executor} (tests: an executor that runs jobs when told to). */
  static Computations on(ExecutorService executor) {
    return new Computations(executor);
  }

  /** Starts {@code job}; inline, it has finished when this returns. */
  <T> Future<T> submit(Callable<T> job) {
    if (executor == null) {
      FutureTask<T> task = new FutureTask<>(job);
      task.run();
      return task;
    }
    return executor.submit(job);
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
