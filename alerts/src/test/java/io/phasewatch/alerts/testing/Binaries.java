package io.phasewatch.alerts.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Prometheus tools on the PATH and runs them. A missing tool fails the test, naming
 * the Debian package that provides it: these checks are part of the build, not optional.
 */
public final class Binaries {
  private Binaries() {}

  /** The result of a finished process: exit code and combined output. */
  public record Run(int exitCode, String output) {}

  /** The first of {@code names} found on the PATH, or a failed test naming the package. */
  public static Path require(String debianPackage, String... names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return fail(String.join(" / ", names) + " not found on PATH. Install the Debian package '"
        + debianPackage + "': apt-get install -y --no-install-recommends " + debianPackage);
  }

  /** Runs {@code command} in {@code dir}, waiting at most {@code timeout}. */
  public static Run run(Path dir, Duration timeout, List<String> command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
        .redirectErrorStream(true).start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return fail(command + " did not finish within " + timeout);
      }
      return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }
}
