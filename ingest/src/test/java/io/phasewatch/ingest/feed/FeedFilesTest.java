package io.phasewatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phasewatch.ingest.TestFiles;
import io.phasewatch.ingest.collect.Collectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFilesTest {

  @Test
  void everyShippedFeedFileLoadsWithAKnownFormatAndAnAcceptedLocation() throws IOException {
    Path feeds = TestFiles.projectRoot().resolve("feeds");
    List<Path> files;
    try (Stream<Path> s = Files.walk(feeds)) {
      files = s.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getParent().getFileName().toString().equals("mappings")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    Collectors collectors = Collectors.builtIn();
    List<FeedConfig> loaded = files.stream().map(FeedFiles::load).toList();
    assertThat(loaded).extracting(FeedConfig::id).doesNotHaveDuplicates();
    assertThat(loaded).allSatisfy(f -> {
      assertThat(collectors.forFormat(f.format())).as("format of %s", f.id()).isPresent();
      Location.of(f.location(), f.baseDir());
      if (f.format().equals("csv")) {
        assertThat(f.mapping()).as("mapping of %s", f.id()).isPresent();
      }
      f.schedule().filter(s -> !s.equals("once")).ifPresent(Durations::parse);
    });
    assertThat(loaded).filteredOn(f -> f.id().startsWith("bundled-"))
        .allSatisfy(f -> assertThat(Location.of(f.location(), f.baseDir()).isFile()).isTrue());
  }

  @Test
  void resolvesRelativeLocationsAgainstTheFeedFile(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("feeds"));
    Path file = sub.resolve("x.yaml");
    Files.writeString(file, "id: x\nformat: jsonl\nlocation: ../data/x.jsonl\n");
    FeedConfig f = FeedFiles.load(file);
    assertThat(Location.of(f.location(), f.baseDir()).path())
        .isEqualTo(dir.resolve("data/x.jsonl").toAbsolutePath().normalize());
  }

  @Test
  void rejectsUnknownFieldsAndBadIds(@TempDir Path dir) throws IOException {
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "id: x\nformat: jsonl\nlocation: a.jsonl\nauthorative: true\n");
    assertThatThrownBy(() -> FeedFiles.load(typo))
        .isInstanceOf(FeedFiles.InvalidFeedException.class).hasMessageContaining("authorative");
    Path pipe = dir.resolve("pipe.yaml");
    Files.writeString(pipe, "id: 'a|b'\nformat: jsonl\nlocation: a.jsonl\n");
    assertThatThrownBy(() -> FeedFiles.load(pipe))
        .isInstanceOf(FeedFiles.InvalidFeedException.class).hasMessageContaining("feed id");
  }

  @Test
  void acceptsOnlyFileAndHttpLocations() {
    Path base = Path.of("/tmp");
    assertThat(Location.of("https://example.org/a.csv", base).isFile()).isFalse();
    assertThat(Location.of("http://127.0.0.1:8080/a.csv", base).isFile()).isFalse();
    assertThat(Location.of("file:///tmp/a.csv", base).path()).isEqualTo(Path.of("/tmp/a.csv"));
    assertThat(Location.of("a.csv", base).path()).isEqualTo(Path.of("/tmp/a.csv"));
    for (String bad : List.of("ftp://example.org/a.csv", "jar:file:/x.jar!/a.csv", "gopher://x/")) {
      assertThatThrownBy(() -> Location.of(bad, base)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only file, http and https");
    }
  }

  @Test
  void readsDurationsAsPeopleWriteThem() {
    assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
    assertThat(Durations.parse("6h").toMinutes()).isEqualTo(360);
    assertThat(Durations.parse("PT30S").getSeconds()).isEqualTo(30);
    assertThat(Durations.parse("1d").toHours()).isEqualTo(24);
    assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("0s")).isInstanceOf(IllegalArgumentException.class);
  }
}
