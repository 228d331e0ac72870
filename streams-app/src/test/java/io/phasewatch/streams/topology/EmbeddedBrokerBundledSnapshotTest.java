package io.phasewatch.streams.topology;

import io.phasewatch.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link BundledSnapshotScenario} on the in-JVM single-node KRaft broker. */
@Tag("integration")
class EmbeddedBrokerBundledSnapshotTest {

  @Test
  @Timeout(300)
  void bundledSnapshotThroughIngestGivesTheDiagnosesOfTheFacade() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
      BundledSnapshotScenario.run(broker.bootstrapServers());
    }
  }
}
