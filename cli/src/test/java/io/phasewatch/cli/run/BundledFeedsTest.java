package io.phasewatch.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.ingest.feed.FeedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledFeedsTest {

  private static Path repositoryRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("feeds")) && Files.isDirectory(d.resolve("data/bundled"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  @Test
  void theJarsCopiesAreTheRepositorysFilesAndTheFeedsLoadFromThem(@TempDir Path dir)
      throws Exception {
    List<FeedConfig> feeds = BundledFeeds.extract(dir);
    assertThat(feeds).extracting(FeedConfig::id).containsExactlyElementsOf(BundledFeeds.REPLAYED);
    Path root = repositoryRoot();
    for (String file : BundledFeeds.FILES) {
      assertThat(Files.mismatch(dir.resolve(file), root.resolve(file))).as(file).isEqualTo(-1L);
    }
    // every file a replayed feed reads is among them
    for (FeedConfig f : feeds) {
      assertThat(f.baseDir().resolve(f.location()).normalize()).exists();
    }
  }
}
