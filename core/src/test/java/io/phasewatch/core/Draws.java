package io.phasewatch.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Random inputs for the property tests. A property runs once per seed ({@code @ParameterizedTest}
 * over {@code @MethodSource}) and draws everything from {@link #random(long)}, so a failing seed
 * names its input and reproduces it. Edge values (bounds, one step inside them, zero, NaN,
 * infinities, null, empty strings and lists) are mixed in on purpose with probability
 * {@link #EDGE}, because uniform draws almost never hit them.
 */
public final class Draws {
  /** Probability of drawing an edge value instead of a uniform one. */
  public static final double EDGE = 0.1;

  private Draws() {}

  /**
   * The generator for one seed. The seed is spread first: {@code new Random(s).nextInt(8)} is the
   * same number for every s in 0..199, so consecutive seeds would otherwise draw alike.
   */
  public static Random random(long seed) {
    return new Random(new SplittableRandom(seed).nextLong());
  }

  public static boolean chance(Random r, double p) {
    return r.nextDouble() < p;
  }

  @SafeVarargs
  public static <T> T oneOf(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  public static <T> T oneOf(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** An int in [min, max]; the bounds are edges. */
  public static int between(Random r, int min, int max) {
    if (chance(r, EDGE)) {
      return r.nextBoolean() ? min : max;
    }
    return (int) (min + (long) (r.nextDouble() * ((long) max - min + 1)));
  }

  /** A long in [min, max]; the bounds are edges. */
  public static long between(Random r, long min, long max) {
    if (chance(r, EDGE)) {
      return r.nextBoolean() ? min : max;
    }
    return Math.min(max, min + (long) (r.nextDouble() * (max - min + 1.0)));
  }

  /**
   * A decimal in [min, max] with {@code decimals} digits after the point (the nearest double to
   * it). Edges: the bounds, one step inside them, zero and ±one step when inside, and
   * {@code extraEdges}.
   */
  public static double decimal(Random r, double min, double max, int decimals,
      double... extraEdges) {
    long lo = BigDecimal.valueOf(min).movePointRight(decimals).longValueExact();
    long hi = BigDecimal.valueOf(max).movePointRight(decimals).longValueExact();
    if (chance(r, EDGE)) {
      List<Long> edges = new ArrayList<>(List.of(lo, hi, lo + 1, hi - 1));
      if (lo < 0 && hi > 0) {
        edges.addAll(List.of(0L, 1L, -1L));
      }
      if (extraEdges.length > 0 && r.nextBoolean()) {
        return extraEdges[r.nextInt(extraEdges.length)];
      }
      return BigDecimal.valueOf(oneOf(r, edges), decimals).doubleValue();
    }
    long unscaled = Math.min(hi, lo + (long) (r.nextDouble() * (hi - lo + 1.0)));
    return BigDecimal.valueOf(unscaled, decimals).doubleValue();
  }

  /** Any int: often small, sometimes anywhere; 0, ±1 and the extremes are edges. */
  public static int anyInt(Random r) {
    if (chance(r, EDGE)) {
      return oneOf(r, 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1,
          Integer.MAX_VALUE - 1);
    }
    return r.nextBoolean() ? r.nextInt(201) - 100 : r.nextInt();
  }

  /** Any long: often small, sometimes anywhere; 0, ±1 and the extremes are edges. */
  public static long anyLong(Random r) {
    if (chance(r, EDGE)) {
      return oneOf(r, 0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
          Long.MAX_VALUE - 1);
    }
    return r.nextBoolean() ? r.nextInt(20_001) - 10_000 : r.nextLong();
  }

  /**
   * Any string, up to {@code maxLength} chars: uniform UTF-16 units of the whole basic plane
   * (lone surrogates included), printable ASCII, surrogate pairs, and awkward characters (control
   * characters, '|', blanks). The empty string and blank strings are edges.
   */
  public static String anyString(Random r, int maxLength) {
    if (chance(r, EDGE)) {
      return oneOf(r, "", " ", "\t", "\n");
    }
    int length = chance(r, 0.8) ? r.nextInt(Math.min(maxLength, 40) + 1) : r.nextInt(maxLength + 1);
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      double kind = r.nextDouble();
      if (kind < 0.45) {
        s.append((char) r.nextInt(0x10000));
      } else if (kind < 0.8) {
        s.append((char) (0x20 + r.nextInt(0x7f - 0x20)));
      } else if (kind < 0.9) {
        s.append(oneOf(r, '\u0000', '\u001f', '\u007f', '\t', '\n', ' ', '\u00a0', '\u2028', '|',
            '/'));
      } else {
        s.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000 + 1));
      }
    }
    return s.toString();
  }

  /** {@code null} with probability {@link #EDGE}, otherwise a value from {@code gen}. */
  public static <T> T orNull(Random r, Function<Random, T> gen) {
    return chance(r, EDGE) ? null : gen.apply(r);
  }

  /** Empty with probability {@code pEmpty}, otherwise a value from {@code gen}. */
  public static <T> Optional<T> optional(Random r, double pEmpty, Function<Random, T> gen) {
    return chance(r, pEmpty) ? Optional.empty() : Optional.of(gen.apply(r));
  }

  /** A list of {@code min}..{@code max} elements from {@code gen}; both sizes are edges. */
  public static <T> List<T> list(Random r, int min, int max, Function<Random, T> gen) {
    int n = between(r, min, max);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(gen.apply(r));
    }
    return out;
  }
}
