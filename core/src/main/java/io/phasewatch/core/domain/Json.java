package io.phasewatch.core.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of phasewatch: snake_case names, ISO-8601 dates, unknown fields
 * ignored (so an older reader survives a newer writer), {@code Optional.empty()} written as null.
 * Records on topics, {@code diagnose --json}, the API and alerts all use it.
 */
public final class Json {
  // Field names are not canonicalized: map keys here are model ids and score keys, unbounded, and
  // Jackson's shared symbol table is copied on every new name it learns (measured: about a seventh
  // of the stream thread's time in a backfill went to ByteQuadsCanonicalizer copies).
  private static final ObjectMapper MAPPER = configured(JsonMapper.builder(JsonFactory.builder()
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build()));

  private Json() {}

  /** A shared, thread-safe mapper. Do not reconfigure it; use {@link ObjectMapper#copy()}. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A mapper of any data format built with this configuration: snake_case, unknown fields
   * ignored, {@code Optional.empty()} written as null, dates as ISO-8601 text. (The streams
   * application's internal serde writes the same records in Smile, a binary form of JSON.)
   */
  public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configured(B builder) {
    return builder
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
        .build();
  }
}
