package io.phasewatch.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap of this JVM every {@value #PERIOD_MS} ms and keeps the largest value
 * since the last {@link #resetPeak()}. The JVM holds the embedded broker and the benchmark's own
 * clients too, so the figure is an upper bound for the phasewatch application alone.
 */
final class HeapSampler implements AutoCloseable {
  private static final long PERIOD_MS = 50;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  HeapSampler() {
    thread = new Thread(this::sample, "phasewatch-bench-heap");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      long used = memory.getHeapMemoryUsage().getUsed();
      peak.accumulateAndGet(used, Math::max);
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void resetPeak() {
    peak.set(memory.getHeapMemoryUsage().getUsed());
  }

  long peak() {
    return peak.get();
  }

  /** Used heap right after a full collection: what the JVM really holds on to. */
  long liveAfterGc() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
