package io.phasewatch.alerts.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.phasewatch.core.domain.AlertEvent;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each alert as one JSON line (the topic's JSON, on one line) to a file, and forces it
 * to disk before reporting delivery, so a delivered id is really on disk.
 */
public final class JsonLinesSink implements AlertSink {
  private final String name;
  private final Path file;

  public JsonLinesSink(String name, Path file) {
    this.name = name;
    this.file = file;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized Attempt attempt(AlertEvent alert) {
    byte[] line;
    try {
      line = (Json.mapper().writeValueAsString(alert) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      return Attempt.rejected("cannot write the alert as JSON: " + e.getOriginalMessage());
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(false);
      }
      return Attempt.delivered();
    } catch (IOException e) {
      return Attempt.retryable("cannot append to " + file + ": " + e.getMessage());
    }
  }
}
