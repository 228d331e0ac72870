package io.phasewatch.ingest.publish;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long publish. On a terminal it is a progress bar on stderr; otherwise (a pipe, a
 * file, CI) it prints nothing.
 */
public interface Progress extends AutoCloseable {

  Progress NONE = new Progress() {
    @Override
    public void step() {}

    @Override
    public void close() {}
  };

  void step();

  @Override
  void close();

  /** A bar when this process runs on a terminal, else {@link #NONE}. */
  static Progress forTerminal(String task, long total, PrintStream err) {
    if (System.console() == null || total <= 0) {
      return NONE;
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .setUpdateIntervalMillis(200)
        .build();
    return new Progress() {
      @Override
      public void step() {
        bar.step();
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
