package io.phasewatch.alerts.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads the router's YAML configuration. Unknown keys are errors here (unlike records on
 * topics): a misspelt {@code min_severity} must not silently route everything.
 */
public final class RouterConfigs {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .addModule(new SimpleModule("phasewatch-durations")
          .addDeserializer(Duration.class, new Durations.Deserializer()))
      .build();

  private RouterConfigs() {}

  /** Reads and validates {@code file}; the exception message names every problem found. */
  public static RouterConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidConfigException("cannot read alert router configuration " + file + ": "
          + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses and validates YAML text; {@code origin} names it in error messages. */
  public static RouterConfig parse(String yaml, String origin) {
    RouterConfig config;
    try {
      config = YAML.readValue(yaml, RouterConfig.class);
    } catch (MismatchedInputException e) {
      throw new InvalidConfigException(origin + ": " + e.getOriginalMessage() + " at "
          + pathOf(e), e);
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(origin + ": " + e.getOriginalMessage(), e);
    }
    if (config == null) {
      throw new InvalidConfigException(origin + ": empty configuration");
    }
    List<String> problems = config.problems();
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(origin + ": " + String.join("; ", problems));
    }
    return config;
  }

  private static String pathOf(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "top level" : path.toString();
  }

  /** The configuration cannot be used; the message says why. */
  public static final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
      super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
