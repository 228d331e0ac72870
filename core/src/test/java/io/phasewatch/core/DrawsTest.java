package io.phasewatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The property tests are only as strong as their draws: these pin what the draws cover. */
class DrawsTest {

  @Test
  void consecutiveSeedsDrawDifferentFirstValues() {
    Set<Integer> firsts = new HashSet<>();
    LongStream.range(0, 200).forEach(s -> firsts.add(Draws.random(s).nextInt(8)));
    assertThat(firsts).hasSize(8);
  }

  @Test
  void decimalsStayInRangeOnTheirGridAndReachTheEdges() {
    Random r = Draws.random(1);
    Set<Double> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      double v = Draws.decimal(r, -0.99, 0.99, 2, 0.5);
      assertThat(v).isBetween(-0.99, 0.99);
      assertThat(Math.round(v * 100) / 100.0).isEqualTo(v);
      seen.add(v);
    }
    assertThat(seen).contains(-0.99, 0.99, -0.98, 0.98, 0.0, 0.01, -0.01, 0.5);
  }

  @Test
  void stringsIncludeEmptyBlankOverlongAndLoneSurrogates() {
    Random r = Draws.random(2);
    List<String> drawn = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      drawn.add(Draws.orNull(r, x -> Draws.anyString(x, 300)));
    }
    assertThat(drawn).contains(null, "", " ");
    List<String> present = drawn.stream().filter(Objects::nonNull).toList();
    assertThat(present).anyMatch(s -> s.length() > 256);
    assertThat(present).anyMatch(s -> s.chars().anyMatch(Character::isISOControl));
    assertThat(present).anyMatch(s -> s.indexOf('|') >= 0);
    assertThat(present).anyMatch(s -> s.chars().anyMatch(c -> Character.isSurrogate((char) c)));
  }

  @Test
  void listsReachBothSizeBounds() {
    Random r = Draws.random(3);
    Set<Integer> sizes = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      sizes.add(Draws.list(r, 0, 24, Random::nextInt).size());
    }
    assertThat(sizes).contains(0, 24);
  }

  @Test
  void anyIntAndAnyLongReachTheExtremes() {
    Random r = Draws.random(4);
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      seen.add(Draws.anyInt(r));
      seen.add(Draws.anyLong(r));
    }
    assertThat(seen).contains(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE,
        Long.MAX_VALUE);
  }
}
