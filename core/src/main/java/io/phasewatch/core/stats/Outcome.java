package io.phasewatch.core.stats;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A statistic that is either defined or "undefined, because …".
 *
 * <p>Degenerate inputs (too few points, zero variance, no valley, every resample rejected) are a
 * normal part of leaderboard data, so no function in this package returns NaN or throws on data:
 * it returns {@link Undefined} with a sentence a user can read.
 */
public sealed interface Outcome<T> permits Outcome.Defined, Outcome.Undefined {

  static <T> Outcome<T> of(T value) {
    return new Defined<>(value);
  }

  static <T> Outcome<T> undefined(String reason) {
    return new Undefined<>(reason);
  }

  /** Defined when {@code value} is finite, otherwise undefined with {@code reason}. */
  static Outcome<Double> finite(double value, String reason) {
    return Double.isFinite(value) ? of(value) : undefined(reason);
  }

  boolean isDefined();

  /** The value; throws {@link NoSuchElementException} when undefined. */
  T value();

  /** The reason it is undefined; empty string when defined. */
  String reason();

  default T orNull() {
    return isDefined() ? value() : null;
  }

  default T orElse(T fallback) {
    return isDefined() ? value() : fallback;
  }

  @SuppressWarnings("unchecked")
  default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
    return isDefined() ? of(f.apply(value())) : (Outcome<U>) this;
  }

  @SuppressWarnings("unchecked")
  default <U> Outcome<U> flatMap(Function<? super T, Outcome<U>> f) {
    return isDefined() ? f.apply(value()) : (Outcome<U>) this;
  }

  record Defined<T>(T value) implements Outcome<T> {
    public Defined {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean isDefined() {
      return true;
    }

    @Override
    public String reason() {
      return "";
    }
  }

  record Undefined<T>(String reason) implements Outcome<T> {
    public Undefined {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isDefined() {
      return false;
    }

    @Override
    public T value() {
      throw new NoSuchElementException("undefined, because " + reason);
    }
  }
}
