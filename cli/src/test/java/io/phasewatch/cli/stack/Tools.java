package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs the command-line validators these tests rely on, naming the package that provides each. */
final class Tools {
  static final Tool PROMTOOL = new Tool("promtool", "prometheus");
  static final Tool DOCKER_COMPOSE = new Tool("docker-compose", "docker-compose");

  private static final long TIMEOUT_SECONDS = 60;

  private Tools() {}

  /** A binary on the PATH and the Debian package that installs it. */
  record Tool(String binary, String debianPackage) {
    /** The binary's path; fails the test, naming the package, when it is not installed. */
    Path require() {
      return find().orElseGet(() -> fail(binary + " is not on the PATH: install the Debian package"
          + " with `apt-get install -y --no-install-recommends " + debianPackage + "`"));
    }

    Optional<Path> find() {
      String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, binary);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }
  }

  /** Exit status and the merged standard output and error of a finished process. */
  record Result(int exitCode, String output) {}

  /** Runs {@code tool} with {@code args} in {@code dir}; fails the test when it does not finish. */
  static Result run(Tool tool, Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(tool.require().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(
          () -> readAll(process.getInputStream()));
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + command, e);
    } catch (IOException | ExecutionException | java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("cannot read the output of " + command, e);
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
