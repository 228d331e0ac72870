package io.phasewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopologyNamingTest {

  @Test
  void everyNodeAndStoreOfTheTopologyCarriesAName() throws IllegalAccessException {
    StreamsSettings settings = StreamsSettings.defaults().with(Map.of("bootstrap.servers", "x:1"));
    TopologyDescription description = PhasewatchTopology
        .build(settings, new Rejections(), TopologyListener.NONE).describe();
    String text = description.toString();
    assertThat(text).doesNotContain("KSTREAM-", "KTABLE-", "STATE-STORE-", "KSTREAM-SOURCE");

    List<String> declared = new ArrayList<>();
    for (Field f : Names.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        declared.add((String) f.get(null));
      }
    }
    List<String> stores = declared.stream().filter(n -> n.endsWith("-store")).toList();
    assertThat(stores).isNotEmpty().allSatisfy(store -> assertThat(text).contains(store));
    assertThat(text).contains(Names.FAMILY_DETECTOR, Names.PANEL_DIAGNOSE,
        Names.FRONTIER_DIAGNOSE, Names.SCORES_VALIDATE, Names.PROFILE_RESOLVE, Names.ALERTS_SINK);
  }
}
