package io.phasewatch.alerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger alone, its producer a {@link MockProducer} whose writes complete only when the test
 * says: a delivery is known at once, and durable only once {@link KafkaDeliveryLedger#flush}
 * returned, which fails when a write failed.
 */
class KafkaDeliveryLedgerTest {
  private static final Instant AT = Instant.parse("2026-11-27T00:00:00Z");

  private MockProducer<String, byte[]> producer;
  private KafkaDeliveryLedger ledger;

  @BeforeEach
  void init() {
    producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    ledger = new KafkaDeliveryLedger(Map.of("bootstrap.servers", "localhost:1"), producer,
        "t.alerts.delivered.v1", Duration.ofSeconds(5));
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  @Test
  void aBurstOfDeliveriesIsWrittenWithoutWaitingAndFlushWaitsForEveryWrite() throws Exception {
    ledger.markDelivered("hook", "a1", AT);
    ledger.markDelivered("hook", "a2", AT);
    assertThat(ledger.isDelivered("hook", "a1")).isTrue();
    assertThat(ledger.isDelivered("hook", "a2")).isTrue();
    assertThat(ledger.isDelivered("other", "a1")).isFalse();
    assertThat(producer.history()).extracting(r -> r.key())
        .containsExactly("hook|a1", "hook|a2");

    Thread flusher = new Thread(ledger::flush);
    flusher.start();
    flusher.join(300);
    assertThat(flusher.isAlive()).as("waits for the unacknowledged writes").isTrue();
    while (producer.completeNext()) {
      // acknowledge every write
    }
    flusher.join(5_000);
    assertThat(flusher.isAlive()).isFalse();
  }

  @Test
  void aFailedWriteFailsTheFlushThatCoversIt() {
    ledger.markDelivered("hook", "a1", AT);
    producer.errorNext(new NotEnoughReplicasException("no replicas"));
    assertThatThrownBy(ledger::flush).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("t.alerts.delivered.v1").hasMessageContaining("no replicas");
    ledger.flush(); // nothing left to wait for
  }
}
