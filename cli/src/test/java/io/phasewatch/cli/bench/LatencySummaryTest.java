package io.phasewatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  @Test
  void percentilesInterpolateBetweenOrderStatisticsWhateverTheInputOrder() {
    // 1..100 shuffled: type-7 percentile q sits at position 99·q/100 of the sorted values
    double[] millis = IntStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1)
        .asDoubleStream().toArray();
    LatencySummary s = LatencySummary.of(millis, 3);
    assertThat(s.samples()).isEqualTo(100);
    assertThat(s.missing()).isEqualTo(3);
    assertThat(s.p50().getAsDouble()).isEqualTo(50.5);
    assertThat(s.p95().getAsDouble()).isCloseTo(95.05, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.p99().getAsDouble()).isCloseTo(99.01, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.max().getAsDouble()).isEqualTo(100);
  }

  @Test
  void noSamplesGiveNoPercentiles() {
    LatencySummary s = LatencySummary.of(new double[0], 2);
    assertThat(s.samples()).isZero();
    assertThat(s.missing()).isEqualTo(2);
    assertThat(s.p99()).isEmpty();
  }
}
