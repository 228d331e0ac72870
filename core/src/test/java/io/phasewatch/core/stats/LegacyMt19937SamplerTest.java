package io.phasewatch.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyMt19937SamplerTest {

  // Expected draws printed by numpy 2.4: np.random.seed(s); np.random.randint(0, bound, k).

  @Test
  void drawsTheSameIndicesAsNumpyLegacySeed42() {
    LegacyMt19937Sampler s = new LegacyMt19937Sampler(42);
    int[] expected = {6, 3, 12, 10, 7, 12, 4, 6, 9, 2, 6, 10, 10, 7, 4, 3, 7, 7, 2, 5};
    int[] got = new int[expected.length];
    for (int i = 0; i < got.length; i++) {
      got[i] = s.nextIndex(14);
    }
    assertThat(got).containsExactly(expected);
  }

  @Test
  void drawsTheSameIndicesAsNumpyForOtherBoundsAndSeeds() {
    LegacyMt19937Sampler s7 = new LegacyMt19937Sampler(7);
    int[] got7 = new int[10];
    for (int i = 0; i < got7.length; i++) {
      got7[i] = s7.nextIndex(1000);
    }
    assertThat(got7).containsExactly(175, 196, 537, 502, 579, 211, 919, 615, 348, 185);
    LegacyMt19937Sampler s0 = new LegacyMt19937Sampler(0);
    int[] got0 = new int[10];
    for (int i = 0; i < got0.length; i++) {
      got0[i] = s0.nextIndex(3);
    }
    assertThat(got0).containsExactly(0, 1, 0, 1, 1, 2, 0, 2, 0, 0);
  }

  @Test
  void maskCoversTheLargestIndex() {
    assertThat(LegacyMt19937Sampler.maskFor(14)).isEqualTo(15);
    assertThat(LegacyMt19937Sampler.maskFor(16)).isEqualTo(15);
    assertThat(LegacyMt19937Sampler.maskFor(17)).isEqualTo(31);
    assertThat(LegacyMt19937Sampler.maskFor(1)).isEqualTo(0);
  }
}
