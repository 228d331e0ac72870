package io.phasewatch.alerts.kafka;

import io.phasewatch.alerts.delivery.DeadLetter;
import io.phasewatch.alerts.delivery.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes dead letters to {@code <prefix>.alerts.dead.v1}: the original key and value, and
 * headers {@code sink}, {@code error}, {@code attempts}, {@code alert_id} (when the record was a
 * readable alert) and {@code failed_at} (ISO-8601). Waits for the broker's acknowledgement, so a
 * dead letter is stored before the input offset is committed.
 */
public final class KafkaDeadLetters implements DeadLetters {
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final Duration timeout;

  public KafkaDeadLetters(Producer<String, byte[]> producer, String topic, Duration timeout) {
    this.producer = producer;
    this.topic = topic;
    this.timeout = timeout;
  }

  @Override
  public void send(DeadLetter letter) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("sink", utf8(letter.sink()));
    headers.add("error", utf8(letter.error()));
    headers.add("attempts", utf8(Integer.toString(letter.attempts())));
    letter.alertId().ifPresent(id -> headers.add("alert_id", utf8(id)));
    headers.add("failed_at", utf8(letter.failedAt().toString()));
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null,
        letter.key().orElse(null), letter.value(), headers);
    try {
      producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing a dead letter to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not write a dead letter to " + topic + ": " + e, e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
