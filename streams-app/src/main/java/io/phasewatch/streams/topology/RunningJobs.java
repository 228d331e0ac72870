package io.phasewatch.streams.topology;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The debounced computations one processor has in flight, at most one per key (group or family),
 * each with the input it was started from, so that the processor can tell on completion whether
 * the key changed meanwhile. Owned by the stream thread; only the computations run elsewhere.
 *
 * @param <I> what the processor remembers of a job's input
 * @param <R> the result
 */
final class RunningJobs<I, R> {
  /** A finished job. */
  record Done<I, R>(String key, I input, R result) {}

  private record Job<I, R>(I input, Future<R> future) {}

  private final Computations computations;
  private final Map<String, Job<I, R>> running = new TreeMap<>();

  RunningJobs(Computations computations) {
    this.computations = computations;
  }

  boolean isRunning(String key) {
    return running.containsKey(key);
  }

  void submit(String key, I input, Callable<R> job) {
    if (running.containsKey(key)) {
      throw new IllegalStateException("a computation of " + key + " is already running");
    }
    running.put(key, new Job<>(input, computations.submit(job)));
  }

  /**
   * The jobs that finished, in key order, no longer running. A job that threw throws here, on the
   * stream thread, where the processing exception handler sees it.
   */
  List<Done<I, R>> takeFinished() {
    List<Done<I, R>> done = new ArrayList<>();
    for (Iterator<Map.Entry<String, Job<I, R>>> it = running.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, Job<I, R>> e = it.next();
      // read before removing: a TreeMap entry removed through its iterator can be reused for
      // its successor's key and value, which made this wait for that job (and lose this one)
      String key = e.getKey();
      Job<I, R> job = e.getValue();
      if (job.future().isDone()) {
        it.remove();
        done.add(new Done<>(key, job.input(), result(key, job.future())));
      }
    }
    return done;
  }

  /** Abandons every job (the task is closing; its dirty marks survive in its stores). */
  void cancelAll() {
    running.values().forEach(j -> j.future().cancel(true));
    running.clear();
  }

  private static <R> R result(String key, Future<R> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("computing " + key + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while collecting " + key, e);
    }
  }
}
