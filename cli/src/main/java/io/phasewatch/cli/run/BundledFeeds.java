package io.phasewatch.cli.run;

import io.phasewatch.ingest.feed.FeedConfig;
import io.phasewatch.ingest.feed.FeedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled snapshot's feeds as the jar carries them: the feed files of {@code feeds/}, their
 * column mappings and the CSV files of {@code data/bundled/} they read. {@link #extract} writes
 * them into a directory with the repository's layout (a feed's {@code location} is {@code
 * ../data/bundled/…} relative to it), so {@code phasewatch run} works from the jar anywhere.
 *
 * <p>{@code run} replays all five: the base models of the Open LLM Leaderboard v1 (the families
 * and the {@code pooled} panel), the paper's 14-model panel (cohort {@code paper-panel}, pooled as
 * panel {@code paper-panel} with its own scores), the frontier releases (cohort {@code frontier})
 * and the two Epoch snapshots (cohorts {@code frontier-epoch-2026-01} and {@code -04}). Models
 * are keyed by feed, so feeds that score the same model do not overwrite each other.
 */
public final class BundledFeeds {
  /** The feeds replayed, by id (= file name without {@code .yaml}). */
  public static final List<String> REPLAYED = List.of("bundled-base-models", "bundled-frontier",
      "bundled-frontier-epoch-2026-01", "bundled-frontier-epoch-2026-04", "bundled-paper-panel");

  /** Every file extracted, relative to the repository root. */
  static final List<String> FILES = List.of(
      "feeds/bundled-base-models.yaml",
      "feeds/bundled-frontier.yaml",
      "feeds/bundled-frontier-epoch-2026-01.yaml",
      "feeds/bundled-frontier-epoch-2026-04.yaml",
      "feeds/bundled-paper-panel.yaml",
      "feeds/mappings/base_models.yaml",
      "feeds/mappings/frontier.yaml",
      "feeds/mappings/paper_panel.yaml",
      "data/bundled/base_models.csv",
      "data/bundled/frontier.csv",
      "data/bundled/frontier_epoch_2026-01.csv",
      "data/bundled/frontier_epoch_2026-04.csv",
      "data/bundled/paper_panel.csv");

  private BundledFeeds() {}

  /** Where the jar holds {@code file} (see cli/pom.xml). */
  static String resource(String file) {
    if (file.startsWith("feeds/")) {
      return "/io/phasewatch/" + file;
    }
    return "/io/phasewatch/data/" + file.substring("data/bundled/".length());
  }

  /** Writes every file under {@code dir} and loads the replayed feeds from there. */
  public static List<FeedConfig> extract(Path dir) {
    try {
      for (String file : FILES) {
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = BundledFeeds.class.getResourceAsStream(resource(file))) {
          if (in == null) {
            throw new IllegalStateException("the jar has no " + resource(file)
                + ": it was built without the bundled snapshot");
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the bundled feeds into " + dir, e);
    }
    List<FeedConfig> feeds = new ArrayList<>();
    for (String id : REPLAYED) {
      feeds.add(FeedFiles.load(dir.resolve("feeds").resolve(id + ".yaml")));
    }
    return feeds;
  }
}
