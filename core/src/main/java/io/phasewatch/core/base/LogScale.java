package io.phasewatch.core.base;

/**
 * The scale axis of METHOD.md §1: {@code x = log10(N)} with N counted in parameters, while sizes
 * are carried and reported in billions.
 */
public final class LogScale {
  private LogScale() {}

  /** x = log10(paramsB · 10⁹). */
  public static double x(double paramsB) {
    return Math.log10(paramsB * 1e9);
  }

  /** The size in billions at x: 10^x / 10⁹. */
  public static double billions(double x) {
    return Math.pow(10, x - 9);
  }
}
