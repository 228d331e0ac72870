package io.phasewatch.ingest.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.phasewatch.core.domain.Json;
import io.phasewatch.ingest.fetch.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a feed last published, kept locally: a content hash per key ({@code score|<key>},
 * {@code model|<id>}, {@code rejected|<key>|<reason>}), the target it was published to, and the
 * HTTP validators of the read. A checkpoint written for another target (other brokers or topic
 * prefix) is not trusted: the run starts from nothing and publishes everything.
 */
public record Checkpoint(int schemaVersion, String feed, String target, Optional<String> etag,
                         Optional<String> lastModified, Map<String, String> entries) {

  public static final int SCHEMA_VERSION = 1;

  public Checkpoint {
    etag = etag == null ? Optional.empty() : etag;
    lastModified = lastModified == null ? Optional.empty() : lastModified;
    entries = entries == null ? Map.of() : Map.copyOf(entries);
  }

  public static Checkpoint empty(String feed, String target) {
    return new Checkpoint(SCHEMA_VERSION, feed, target, Optional.empty(), Optional.empty(), Map.of());
  }

  public Validators validators() {
    return new Validators(etag, lastModified);
  }

  /** Reads and saves checkpoints as one JSON file per feed in a state directory. */
  public static final class Store {
    private static final ObjectMapper JSON = Json.mapper().copy()
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private final Path dir;

    public Store(Path dir) {
      this.dir = dir;
    }

    public Path file(String feed) {
      return dir.resolve(feed + ".json");
    }

    /** The feed's checkpoint for {@code target}, or an empty one. */
    public Checkpoint load(String feed, String target) throws IOException {
      Path f = file(feed);
      if (!Files.exists(f)) {
        return empty(feed, target);
      }
      Checkpoint c = JSON.readValue(f.toFile(), Checkpoint.class);
      return c.target().equals(target) ? c : empty(feed, target);
    }

    /** Writes atomically (a temporary file moved into place). */
    public void save(Checkpoint c) throws IOException {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, c.feed(), ".tmp");
      Checkpoint sorted = new Checkpoint(c.schemaVersion(), c.feed(), c.target(), c.etag(), c.lastModified(),
          new TreeMap<>(c.entries()));
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), sorted);
      Files.move(tmp, file(c.feed()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
