package io.phasewatch.core.bench;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The facade on a 50-model family (docs/PERFORMANCE.md): {@link Diagnoses#family} (r, width-
 * normalised r, γ12 and phases, crossing, per-family vertex) and, for comparison,
 * {@link Diagnoses#panel} on the same 50 models (adds the 10,000-resample bootstrap and the
 * 100,000-ordering Monte Carlo permutation test). Default configuration, seed 42.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FamilyDiagnosisBenchmark {
  private List<BaseModelPoint> family;
  private final DiagnosisConfig config = DiagnosisConfig.defaults();

  @Setup
  public void setUp() {
    family = syntheticFamily(50);
  }

  /**
   * n sizes log-uniform in 60M…100B with a width per size, B1 rising with scale, B2 a valley near
   * 3B plus noise (so the family has tax, transition and bonus models); fixed seed.
   */
  static List<BaseModelPoint> syntheticFamily(int n) {
    SplittableRandom random = new SplittableRandom(5);
    List<BaseModelPoint> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double x = 7.8 + 3.2 * random.nextDouble();
      double b1 = 25 + 20 * (x - 7.8) + 2 * (random.nextDouble() - 0.5);
      double b2 = 4.5 * (x - 9.5) * (x - 9.5) + 34 + 2 * (random.nextDouble() - 0.5);
      int width = 256 * (int) Math.round(Math.pow(10, (x - 7.8) / 2));
      out.add(new BaseModelPoint("m" + i, "Synthetic", Math.pow(10, x - 9), b1, b2,
          OptionalInt.of(width), Map.of()));
    }
    return out;
  }

  @Benchmark
  public FamilyDiagnosis familyDiagnosis() {
    return Diagnoses.family("Synthetic", family, config);
  }

  @Benchmark
  public PanelDiagnosis panelDiagnosis() {
    return Diagnoses.panel("Synthetic", family, config);
  }
}
