package io.phasewatch.streams.topology;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * {@link BundledSnapshotScenario} on a Kafka broker in a container; skipped where no Docker engine
 * is reachable (as on the development and CI machines here, DESIGN.md "What runs where").
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class ContainerBundledSnapshotTest {
  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

  @Test
  @Timeout(360)
  void bundledSnapshotThroughIngestGivesTheDiagnosesOfTheFacade() throws Exception {
    BundledSnapshotScenario.run(KAFKA.getBootstrapServers());
  }
}
