package io.phasewatch.core.bench;

import io.phasewatch.core.base.ModelPoint;
import io.phasewatch.core.base.NcBootstrap;
import io.phasewatch.core.base.ReferencePanels;
import io.phasewatch.core.stats.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bootstrap N_c of METHOD.md §1.4 (10,000 resamples, seed 42) on a synthetic family of 8
 * models (the per-family estimate), the 14-model headline panel, and synthetic panels of 100 and
 * 1,000 models. Run with the command in docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NcBootstrapBenchmark {

  @Param({"8", "14", "100", "1000"})
  int models;

  private List<ModelPoint> panel;
  private final NcBootstrap.Config config = NcBootstrap.Config.defaults();

  @Setup
  public void setUp() {
    panel = models == 14 ? ReferencePanels.HEADLINE : synthetic(models);
  }

  /** A valley near 3B with noise, sizes log-uniform in 60M…100B; fixed seed. */
  static List<ModelPoint> synthetic(int n) {
    SplittableRandom random = new SplittableRandom(1);
    List<ModelPoint> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double x = 7.8 + 3.2 * random.nextDouble();
      double b2 = 4.5 * (x - 9.5) * (x - 9.5) + 34 + 2 * (random.nextDouble() - 0.5);
      out.add(new ModelPoint("m" + i, Math.pow(10, x - 9), 30 + 6 * (x - 7.8), b2));
    }
    return out;
  }

  @Benchmark
  public Outcome<NcBootstrap> bootstrapNc() {
    return NcBootstrap.of(panel, config);
  }
}
