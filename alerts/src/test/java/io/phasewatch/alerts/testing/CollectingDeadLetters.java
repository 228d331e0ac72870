package io.phasewatch.alerts.testing;

import io.phasewatch.alerts.delivery.DeadLetter;
import io.phasewatch.alerts.delivery.DeadLetters;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps dead letters in a list. */
public final class CollectingDeadLetters implements DeadLetters {
  private final List<DeadLetter> letters = new CopyOnWriteArrayList<>();

  @Override
  public void send(DeadLetter letter) {
    letters.add(letter);
  }

  public List<DeadLetter> letters() {
    return List.copyOf(letters);
  }
}
