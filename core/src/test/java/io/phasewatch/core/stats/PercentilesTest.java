package io.phasewatch.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void interpolatesLinearlyBetweenOrderStatistics() {
    double[] v = {1, 2, 4, 8, 16};
    assertThat(Percentiles.ofSorted(v, 5, 50)).isEqualTo(4);
    // h = 4·0.25 = 1 → 2; h = 4·0.1 = 0.4 → 1 + 0.4·(2−1); h = 4·0.975 = 3.9 → 8 + 0.9·8.
    assertThat(Percentiles.ofSorted(v, 5, 25)).isEqualTo(2);
    assertThat(Percentiles.ofSorted(v, 5, 10)).isCloseTo(1.4, within(1e-12));
    assertThat(Percentiles.ofSorted(v, 5, 97.5)).isCloseTo(15.2, within(1e-12));
    assertThat(Percentiles.ofSorted(v, 5, 100)).isEqualTo(16);
    assertThat(Percentiles.ofSorted(v, 4, 50)).isEqualTo(3);
    assertThat(Percentiles.ofSorted(v, 1, 2.5)).isEqualTo(1);
  }
}
