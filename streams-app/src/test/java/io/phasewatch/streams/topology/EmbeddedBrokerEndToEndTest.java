package io.phasewatch.streams.topology;

import io.phasewatch.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EndToEndScenario} on the in-JVM single-node KRaft broker. */
@Tag("integration")
class EmbeddedBrokerEndToEndTest {

  @Test
  @Timeout(240)
  void finalDiagnosesOnTheBrokerEqualDirectComputation() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary()) {
      EndToEndScenario.run(broker.bootstrapServers());
    }
  }
}
