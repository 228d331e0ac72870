package io.phasewatch.alerts.delivery;

/** Where alerts go that could not be delivered ({@code <prefix>.alerts.dead.v1}). */
@FunctionalInterface
public interface DeadLetters {

  /** Stores {@code letter}; durable when it returns (or it throws). */
  void send(DeadLetter letter);
}
