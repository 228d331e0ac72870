package io.phasewatch.ingest;

import io.phasewatch.ingest.fetch.Fetched;
import io.phasewatch.ingest.fetch.Validators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Finds test fixtures, the shared data folder and the project root. */
public final class TestFiles {
  private TestFiles() {}

  public static Path fixture(String name) {
    URL url = TestFiles.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Fetched.Content content(String fixture) {
    try {
      return new Fetched.Content(Files.readAllBytes(fixture(fixture)), Instant.parse("2026-11-01T00:00:00Z"),
          Validators.none());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code shared/data}, found by walking up from the working directory to a folder that holds
   * {@code shared/data/SOURCES.md} (CI keeps shared/ beside the clone).
   */
  public static Path sharedData() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/data/SOURCES.md above " + Path.of("").toAbsolutePath());
  }

  /** The repository root: the nearest folder above the working directory holding feeds/. */
  public static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("feeds")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root with feeds/ above " + Path.of("").toAbsolutePath());
  }
}
