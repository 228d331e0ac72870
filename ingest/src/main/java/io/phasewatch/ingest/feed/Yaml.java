package io.phasewatch.ingest.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The YAML reader of every ingest configuration file (feeds, mappings, rules, tables):
 * snake_case names like the JSON records, and unknown fields are errors, so a typo in a feed file
 * fails loudly instead of being ignored.
 */
public final class Yaml {
  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .addModule(new Jdk8Module())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Yaml() {}

  /** A shared, thread-safe mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
