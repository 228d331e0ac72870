package io.phasewatch.alerts.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * A webhook signing secret. Its {@link #toString()} never shows it, and no message built here
 * contains it: a misconfiguration names the variable or the file, not the value.
 */
public final class Secret {
  private final byte[] bytes;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Secret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an empty webhook secret would sign with no key");
    }
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * From {@code file} if given (trailing line breaks removed, as secret files usually end with
   * one), else from environment variable {@code envName} looked up with {@code env}.
   */
  public static Secret resolve(
      Optional<Path> file, String envName, Function<String, Optional<String>> env) {
    if (file.isPresent()) {
      Path f = file.get();
      String value;
      try {
        value = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read webhook secret file " + f + " ("
            + e.getClass().getSimpleName() + ")", e);
      }
      value = value.replaceAll("[\\r\\n]+$", "");
      if (value.isEmpty()) {
        throw new IllegalArgumentException("webhook secret file " + f + " is empty");
      }
      return of(value);
    }
    String value = env.apply(envName).filter(v -> !v.isEmpty()).orElseThrow(() ->
        new IllegalArgumentException("environment variable " + envName
            + " (the webhook signing secret) is not set; set it or give secret_file"));
    return of(value);
  }

  byte[] bytes() {
    return Arrays.copyOf(bytes, bytes.length);
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
