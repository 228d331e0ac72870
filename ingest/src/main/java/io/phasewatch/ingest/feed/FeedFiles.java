package io.phasewatch.ingest.feed;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads feed files and mapping files (YAML, snake_case, unknown fields are errors). */
public final class FeedFiles {
  private static final ObjectMapper YAML = Yaml.mapper();

  private FeedFiles() {}

  /**
   * Loads a feed file; relative paths in it (location, mapping_file, family_rules_file) are
   * resolved against the file's directory, and a mapping file is read into the feed.
   *
   * @throws InvalidFeedException naming the file and the problem
   */
  public static FeedConfig load(Path file) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    FeedConfig feed;
    try (InputStream in = Files.newInputStream(file)) {
      feed = YAML.readValue(in, FeedConfig.class).withBaseDir(dir);
    } catch (JsonMappingException e) {
      throw new InvalidFeedException(file + ": " + rootMessage(e), e);
    } catch (IOException e) {
      throw new InvalidFeedException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (feed.mapping().isEmpty() && feed.mappingFile().isPresent()) {
      feed = feed.withMapping(loadMapping(dir.resolve(feed.mappingFile().get())));
    }
    return feed;
  }

  /** Loads a csv column mapping file. */
  public static CsvMapping loadMapping(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return YAML.readValue(in, CsvMapping.class);
    } catch (JsonMappingException e) {
      throw new InvalidFeedException(file + ": " + rootMessage(e), e);
    } catch (IOException e) {
      throw new InvalidFeedException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String rootMessage(JsonMappingException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    return (t instanceof IllegalArgumentException ? t.getMessage() : e.getOriginalMessage()) + where;
  }

  /** A feed or mapping file that cannot be used as written. */
  public static final class InvalidFeedException extends RuntimeException {
    public InvalidFeedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
