package io.phasewatch.alerts.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository from a test's working directory (the module directory). */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The repository root: the nearest ancestor holding prometheus/rules/phasewatch.rules.yml. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("prometheus/rules/phasewatch.rules.yml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no prometheus/rules/phasewatch.rules.yml above "
        + Path.of("").toAbsolutePath());
  }
}
