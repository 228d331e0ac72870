package io.phasewatch.streams.topology;

import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.streams.api.StoreAccess;
import io.phasewatch.streams.errors.Rejections;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A topology that has run on known input, with its stores open for the API tests. */
public final class ApiFixtures {
  private ApiFixtures() {}

  /** The driver's stores and the fixture, closed together. */
  public record Running(TopologyFixture fixture, StoreAccess stores) implements AutoCloseable {
    @Override
    public void close() {
      fixture.close();
    }
  }

  /**
   * The family of {@code FamilyFlowTest} turned bonus (one FAMILY_CROSSED_NC) and the METHOD.md
   * paper panel, after one punctuation.
   */
  public static Running crossedFamilyAndPaperPanel(
      Function<Rejections, TopologyListener> listener) {
    TopologyListener[] built = new TopologyListener[1];
    TopologyListener forward = new TopologyListener() {
      @Override
      public void received(String kind) {
        built[0].received(kind);
      }

      @Override
      public void computed(DiagnosisKind kind, String key, long nanos) {
        built[0].computed(kind, key, nanos);
      }

      @Override
      public void published(DiagnosisKind kind, String key, Object diagnosis) {
        built[0].published(kind, key, diagnosis);
      }

      @Override
      public void alerted(AlertEvent event) {
        built[0].alerted(event);
      }
    };
    TopologyFixture f = new TopologyFixture(Map.of(), forward);
    built[0] = listener.apply(f.rejections);
    f.send(TopologyFixture.base("fam-1b", "fam", 1));
    f.send(TopologyFixture.base("fam-2b", "fam", 2));
    f.send(TopologyFixture.base("fam-4b", "fam", 4));
    f.send(TopologyFixture.score("primary", "fam-1b", "hellaswag", 40));
    f.send(TopologyFixture.score("primary", "fam-1b", "truthfulqa", 40));
    f.send(TopologyFixture.score("primary", "fam-2b", "hellaswag", 50));
    f.send(TopologyFixture.score("primary", "fam-2b", "truthfulqa", 38));
    f.send(TopologyFixture.score("primary", "fam-4b", "hellaswag", 60));
    f.send(TopologyFixture.score("primary", "fam-4b", "truthfulqa", 42));
    PaperPanel.models().forEach(f::send);
    PaperPanel.scores().forEach(f::send);
    f.tick();
    StoreAccess stores = new StoreAccess() {
      @Override
      @SuppressWarnings("unchecked")
      public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
        return (ReadOnlyKeyValueStore<String, V>) (ReadOnlyKeyValueStore<?, ?>)
            f.driver.getKeyValueStore(name);
      }
    };
    return new Running(f, stores);
  }
}
