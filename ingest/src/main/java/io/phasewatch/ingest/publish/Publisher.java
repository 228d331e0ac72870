package io.phasewatch.ingest.publish;

import java.util.List;

/** Sends a run's messages and returns once every one is acknowledged. */
public interface Publisher extends AutoCloseable {

  /** Where messages go (brokers and topic prefix), as recorded in checkpoints. */
  String target();

  /**
   * Sends and waits for acknowledgement of all of them.
   *
   * @throws PublishException if any failed: the caller must not advance its checkpoint
   */
  void publish(List<Outgoing> messages, Progress progress) throws PublishException;

  @Override
  void close();

  /** Some messages could not be delivered. */
  final class PublishException extends Exception {
    public PublishException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
